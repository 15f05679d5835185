package io.opsflow.zabbix;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How opsflow talks to its customers' Zabbix APIs. Where each one is and the environment variable
 * holding its token are the customer's ({@code zabbix.apiUrl}, {@code zabbix.apiTokenEnv} in the registry).
 *
 * @param defaultDelay the update interval of an item whose row gives no frequency
 */
@ConfigurationProperties("opsflow.zabbix")
public record ZabbixProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("1m") Duration defaultDelay,
        @DefaultValue Retry retry) implements OutboundSettings {

    /** Bounds on retrying 429, 5xx and timeouts within one call. */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
