package io.opsflow.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The inbound webhooks. ServiceNow's HMAC key is one per MSP instance
 * ({@code OPSFLOW_WEBHOOK_SERVICENOW_SECRET}); Azure Monitor and Zabbix credentials are per customer,
 * named in the customer registry (docs/webhook-credentials.md), so only their verification settings
 * are here. A webhook whose secret is unset answers 503 with the name of the variable to set:
 * senders retry a 503, so nothing is lost while it is being configured, and nothing is ever
 * accepted unauthenticated.
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

    /**
     * How Secure Webhook bearer tokens (Entra ID) are checked; the tenant and audiences are the customer's.
     *
     * @param jwksBaseUrl  the Entra authority the signing keys are fetched from, as
     *                     {@code {jwksBaseUrl}/{tenant}/discovery/v2.0/keys}
     * @param issuers      accepted {@code iss} forms, {@code {tenant}} replaced by the customer's tenant:
     *                     Entra issues v1 ({@code sts.windows.net}) or v2 tokens depending on the app registration
     * @param requiredRole app role the token must carry in {@code roles} (Microsoft's set-up script
     *                     assigns {@code ActionGroupsSecureWebhook} to Azure Monitor's service principal);
     *                     empty: not checked
     * @param jwksTimeout  connect and read timeout of one key fetch
     */
    public record AzureMonitor(
            @DefaultValue("https://login.microsoftonline.com") URI jwksBaseUrl,
            @DefaultValue({"https://sts.windows.net/{tenant}/", "https://login.microsoftonline.com/{tenant}/v2.0"}) List<String> issuers,
            @DefaultValue("ActionGroupsSecureWebhook") String requiredRole,
            @DefaultValue("5s") Duration jwksTimeout) {
    }

    /** @param timeZone the Zabbix server's time zone, in which {EVENT.DATE} and {EVENT.TIME} are given */
    public record Zabbix(@DefaultValue("UTC") ZoneId timeZone) {
    }
}
