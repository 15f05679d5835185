package io.opsflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.CatalogIntake;
import io.opsflow.catalog.ServiceNowRequestItemEvent;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.RequestedItem;

/** {@code sc_req_item} deliveries to the service catalog, with their catalog variables. */
@Component
class ServiceNowRequestItemHandler extends ServiceNowTableHandler<ServiceNowRequestItemEvent> {

    ServiceNowRequestItemHandler(CustomerRegistry customers, CatalogIntake intake) {
        super("sc_req_item", customers, intake::receive);
    }

    @Override
    ServiceNowRequestItemEvent event(ServiceNowWebhook webhook, Map<String, String> record, String customerId, long modCount) {
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
        return new ServiceNowRequestItemEvent(webhook.deliveryId(), webhook.type(), customerId, modCount,
                RequestedItem.of(record), record.get("cat_item_name"), values, displayValues, webhook.occurredAt());
    }
}
