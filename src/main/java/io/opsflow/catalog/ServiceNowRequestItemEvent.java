package io.opsflow.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.opsflow.servicenow.RequestedItem;

/**
 * One delivery of ServiceNow's outbound webhook for a requested item (RITM), attributed to a customer.
 *
 * @param deliveryId    {@code event.id}, the idempotency key
 * @param modCount      {@code record.sys_mod_count}: orders changes of one record
 * @param item          {@code record}, typed by the ServiceNow adapter
 * @param catItemName   {@code record.cat_item_name}: the catalog item's name
 * @param variables     {@code variables}: the catalog variables as strings
 * @param displayValues {@code display_values}: what ServiceNow shows for a field (a person's name for a reference)
 */
public record ServiceNowRequestItemEvent(String deliveryId, String type, String customerId, long modCount,
                                         RequestedItem item, String catItemName, Map<String, String> variables,
                                         Map<String, String> displayValues, Instant occurredAt) {

    public ServiceNowRequestItemEvent {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(item.sysId(), "item.sysId");
        Objects.requireNonNull(customerId, "customerId");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        displayValues = displayValues == null ? Map.of() : Map.copyOf(displayValues);
    }

    /** The item's sys_id. */
    public String sysId() {
        return item.sysId();
    }

    /** The item number ({@code RITM...}), the business key. */
    public String number() {
        return item.number();
    }
}
