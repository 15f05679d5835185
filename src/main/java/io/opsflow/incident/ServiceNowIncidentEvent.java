package io.opsflow.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.opsflow.servicenow.Incident;

/**
 * One delivery of ServiceNow's outbound webhook for an incident, already attributed to a customer.
 *
 * @param deliveryId    {@code event.id}, the idempotency key (resent unchanged on redelivery)
 * @param type          {@code created} or {@code updated}
 * @param customerId    the registry customer whose {@code servicenow.companySysId} is {@code record.company}
 * @param modCount      {@code record.sys_mod_count}: orders changes of one record
 * @param changedFields {@code event.changed_fields}
 * @param incident      {@code record}, typed by the ServiceNow adapter
 * @param latestComment {@code record.latest_comment}: the newest customer-visible comment, or null
 * @param latestWorkNote {@code record.latest_work_note}: the newest internal work note, or null
 * @param updatedBy     {@code record.sys_updated_by}: the user name of who made the change
 * @param occurredAt    {@code event.occurred_at}
 */
public record ServiceNowIncidentEvent(String deliveryId, String type, String customerId, long modCount,
                                      List<String> changedFields, Incident incident, String latestComment,
                                      String latestWorkNote, String updatedBy, Instant occurredAt) {

    public ServiceNowIncidentEvent {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(incident.sysId(), "incident.sysId");
        Objects.requireNonNull(customerId, "customerId");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** The incident's sys_id. */
    public String sysId() {
        return incident.sysId();
    }

    /** The incident number ({@code INC...}), the business key. */
    public String number() {
        return incident.number();
    }
}
