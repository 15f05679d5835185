package io.opsflow.handover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How the pre-operation test calls opsflow's own public webhooks (the URL is the customer intake's
 * {@code opsflow.customer-intake.opsflow-url}, the one the action groups are given). The names are the
 * outbound foundation's; beyond the bounds the caller's job retry cycle takes over.
 */
@ConfigurationProperties("opsflow.pre-operation-test")
public record PreOperationProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue Retry retry) implements OutboundSettings {

    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
