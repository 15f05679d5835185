package io.opsflow.webhook;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Shared secrets of the inbound webhooks, from the environment only
 * ({@code OPSFLOW_WEBHOOK_SERVICENOW_SECRET}, {@code OPSFLOW_WEBHOOK_AZURE_MONITOR_TOKEN},
 * {@code OPSFLOW_WEBHOOK_ZABBIX_TOKEN}). A webhook whose secret is unset answers 503 with the name
 * of the variable to set: senders retry a 503, so nothing is lost while it is being configured,
 * and nothing is ever accepted unauthenticated.
 *
 * @param maxBodySize largest body accepted (Azure Monitor's own limit is 256 KB)
 */
@ConfigurationProperties("opsflow.webhook")
public record WebhookProperties(
        @DefaultValue ServiceNow servicenow,
        @DefaultValue AzureMonitor azureMonitor,
        @DefaultValue Zabbix zabbix,
        @DefaultValue("256KB") DataSize maxBodySize) {

    @Override
    public String toString() {
        return "WebhookProperties[servicenow=" + servicenow + ", azureMonitor=" + azureMonitor + ", zabbix=" + zabbix
                + ", maxBodySize=" + maxBodySize + "]";
    }

    static boolean isSet(String secret) {
        return secret != null && !secret.isBlank();
    }

    private static String mask(String secret) {
        return isSet(secret) ? "<set>" : "<none>";
    }

    /** @param secret key of the HMAC-SHA256 the business rule signs each body with */
    public record ServiceNow(String secret) {
        @Override
        public String toString() {
            return "ServiceNow[secret=" + mask(secret) + "]";
        }
    }

    /** @param token the {@code token} query parameter of the action group's webhook URL */
    public record AzureMonitor(String token) {
        @Override
        public String toString() {
            return "AzureMonitor[token=" + mask(token) + "]";
        }
    }

    /**
     * @param token    the bearer token the media type (or the 3.0 alert script) sends
     * @param timeZone the Zabbix server's time zone, in which {EVENT.DATE} and {EVENT.TIME} are given
     */
    public record Zabbix(String token, @DefaultValue("UTC") ZoneId timeZone) {
        @Override
        public String toString() {
            return "Zabbix[token=" + mask(token) + ", timeZone=" + timeZone + "]";
        }
    }
}
