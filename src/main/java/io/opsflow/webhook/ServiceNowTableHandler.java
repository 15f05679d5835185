package io.opsflow.webhook;

import java.util.Map;
import java.util.function.Function;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.intake.IntakeResult;

/**
 * Takes ServiceNow webhook deliveries for one table ({@code incident}, {@code sc_req_item}): the
 * checks every table shares, then the table's own event for its capability's intake. A capability
 * plugs in by declaring a bean of this type.
 *
 * @param <E> the capability's event
 */
abstract class ServiceNowTableHandler<E> {

    private final String table;
    private final CustomerRegistry customers;
    private final Function<E, IntakeResult> intake;

    ServiceNowTableHandler(String table, CustomerRegistry customers, Function<E, IntakeResult> intake) {
        this.table = table;
        this.customers = customers;
        this.intake = intake;
    }

    /** The {@code event.table} this handler takes. */
    String table() {
        return table;
    }

    /**
     * Maps the delivery and hands it to the capability; refuses it with a {@link WebhookRejectedException}.
     * The customer is the one of {@code record.company}.
     */
    IntakeResult handle(ServiceNowWebhook webhook) {
        webhook.requireCreatedOrUpdated();
        webhook.requiredField("sys_id");
        webhook.requiredField("number");
        String customerId = webhook.customer(customers).id();
        return intake.apply(event(webhook, webhook.record(), customerId, webhook.modCount()));
    }

    /** The table's event, from the verified delivery and its {@code record}. */
    abstract E event(ServiceNowWebhook webhook, Map<String, String> record, String customerId, long modCount);
}
