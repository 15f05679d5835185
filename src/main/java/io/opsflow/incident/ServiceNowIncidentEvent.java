package io.opsflow.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery of ServiceNow's outbound webhook for an incident, already attributed to a customer.
 *
 * @param deliveryId    {@code event.id}, the idempotency key (resent unchanged on redelivery)
 * @param type          {@code created} or {@code updated}
 * @param sysId         the incident's sys_id
 * @param number        the incident number ({@code INC...}), the business key
 * @param customerId    the registry customer whose {@code servicenow.companySysId} is {@code record.company}
 * @param modCount      {@code record.sys_mod_count}: orders changes of one record
 * @param changedFields {@code event.changed_fields}
 * @param record        {@code record}: Table API field names and string values
 * @param occurredAt    {@code event.occurred_at}
 */
public record ServiceNowIncidentEvent(String deliveryId, String type, String sysId, String number, String customerId,
                                      long modCount, List<String> changedFields, Map<String, String> record,
                                      Instant occurredAt) {

    public ServiceNowIncidentEvent {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(sysId, "sysId");
        Objects.requireNonNull(customerId, "customerId");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        record = record == null ? Map.of() : Map.copyOf(record);
    }
}
