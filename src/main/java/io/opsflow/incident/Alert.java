package io.opsflow.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery of a monitoring alert (Azure Monitor or Zabbix), already attributed to a customer.
 *
 * @param source         {@code azure-monitor} or {@code zabbix}
 * @param alertId        the alert instance: the same for its fired, update and resolved deliveries
 * @param deliveryId     idempotency key of this delivery (the same delivery sent twice has the same id)
 * @param customerId     the registry customer (tenant) it belongs to
 * @param ruleName       the alert rule / Zabbix trigger
 * @param targetResource the resource the alert is about (ARM id, Zabbix host)
 * @param severityLevel  0 (most severe, Azure Sev0 / Zabbix Disaster) to 4 (least)
 * @param state          what this delivery says about the alert
 * @param summary        one line for people (ServiceNow short description)
 * @param description    everything operators need, several lines (Triage form, ServiceNow description)
 * @param occurredAt     when the monitoring system saw it
 */
public record Alert(String source, String alertId, String deliveryId, String customerId, String ruleName,
                    String targetResource, int severityLevel, State state, String summary, String description,
                    Instant occurredAt) {

    public enum State { FIRED, UPDATED, RESOLVED }

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(state, "state");
    }
}
