package io.opsflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.CatalogIntake;
import io.opsflow.catalog.ServiceNowRequestItemEvent;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.RequestedItem;

/** {@code sc_req_item} deliveries to the service catalog; the customer is the one of {@code record.company}. */
@Component
class ServiceNowRequestItemHandler implements ServiceNowTableHandler {

    private final CustomerRegistry customers;
    private final CatalogIntake intake;

    ServiceNowRequestItemHandler(CustomerRegistry customers, CatalogIntake intake) {
        this.customers = customers;
        this.intake = intake;
    }

    @Override
    public String table() {
        return "sc_req_item";
    }

    @Override
    public WebhookResult handle(ServiceNowWebhook webhook) {
        webhook.requireCreatedOrUpdated();
        JsonNode variables = webhook.body().path("variables");
        if (!variables.isObject()) {
            throw WebhookRejectedException.invalid("variables", "a requested item needs its catalog variables as an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        variables.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        Map<String, String> displayValues = new LinkedHashMap<>();
        webhook.body().path("display_values").properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                displayValues.put(e.getKey(), e.getValue().asText());
            }
        });
        webhook.requiredField("sys_id");
        webhook.requiredField("number");
        Map<String, String> record = webhook.record();
        return WebhookResult.of(intake.receive(new ServiceNowRequestItemEvent(webhook.deliveryId(), webhook.type(),
                webhook.customer(customers).id(), webhook.modCount(), RequestedItem.of(record), record.get("cat_item_name"),
                values, displayValues, webhook.occurredAt())));
    }
}
