package io.opsflow.handover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How the design handover runs its pre-operation test: how long an item's test alert may take to
 * arrive as a ServiceNow incident before it counts as failed (alert rules evaluate every minute or
 * five, the incident process creates the ticket right after), how often it looks in ServiceNow, and
 * how it calls opsflow's own public webhooks with the test alerts (the outbound foundation's names;
 * beyond these bounds the step's job retry cycle takes over). The webhooks' URL is the customer
 * intake's {@code opsflow.customer-intake.opsflow-url}, the one the action groups are given.
 */
@ConfigurationProperties("opsflow.handover")
public record HandoverProperties(
        @DefaultValue("PT10M") Duration preOperationTimeout,
        @DefaultValue("PT30S") Duration preOperationPollInterval,
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
