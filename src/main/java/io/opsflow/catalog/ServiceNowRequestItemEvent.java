package io.opsflow.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery of ServiceNow's outbound webhook for a requested item (RITM), attributed to a customer.
 *
 * @param deliveryId {@code event.id}, the idempotency key
 * @param modCount   {@code record.sys_mod_count}: orders changes of one record
 * @param record     {@code record}: Table API field names and string values
 * @param variables  {@code variables}: the catalog variables as strings
 * @param displayValues {@code display_values}: what ServiceNow shows for a field (a person's name for a reference)
 */
public record ServiceNowRequestItemEvent(String deliveryId, String type, String sysId, String number, String customerId,
                                         long modCount, Map<String, String> record, Map<String, String> variables,
                                         Map<String, String> displayValues, Instant occurredAt) {

    public ServiceNowRequestItemEvent {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(sysId, "sysId");
        Objects.requireNonNull(customerId, "customerId");
        record = record == null ? Map.of() : Map.copyOf(record);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        displayValues = displayValues == null ? Map.of() : Map.copyOf(displayValues);
    }
}
