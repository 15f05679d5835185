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
 * @param monitoringItem the monitoring item (design handover) the rule or trigger was made for, from its
 *                       {@code opsflow-item} custom property or tag; null for rules made by hand
 * @param testRun        the pre-operation test run that sent it (custom property or tag {@code opsflow-test}),
 *                       null for a real alert
 */
public record Alert(String source, String alertId, String deliveryId, String customerId, String ruleName,
                    String targetResource, int severityLevel, State state, String summary, String description,
                    Instant occurredAt, String monitoringItem, String testRun) {

    /** The custom property (Azure Monitor) or tag (Zabbix) naming the monitoring item of a rule. */
    public static final String ITEM_PROPERTY = "opsflow-item";
    /** The custom property or tag the pre-operation test marks its synthetic alerts with: the test run id. */
    public static final String TEST_PROPERTY = "opsflow-test";

    public enum State { FIRED, UPDATED, RESOLVED }

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(state, "state");
    }

    /** An alert no monitoring item names and no test sent (opsflow's own, e.g. a failed catalog fulfilment). */
    public Alert(String source, String alertId, String deliveryId, String customerId, String ruleName, String targetResource,
                 int severityLevel, State state, String summary, String description, Instant occurredAt) {
        this(source, alertId, deliveryId, customerId, ruleName, targetResource, severityLevel, state, summary, description,
                occurredAt, null, null);
    }
}
