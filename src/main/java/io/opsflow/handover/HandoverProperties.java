package io.opsflow.handover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the design handover runs its pre-operation test: how long an item's test alert may take to
 * arrive as a ServiceNow incident before it counts as failed (alert rules evaluate every minute or
 * five, the incident process creates the ticket right after), and how often it looks in ServiceNow.
 */
@ConfigurationProperties("opsflow.handover")
public record HandoverProperties(@DefaultValue("PT10M") Duration preOperationTimeout,
                                 @DefaultValue("PT30S") Duration preOperationPollInterval) {
}
