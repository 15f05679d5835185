package io.opsflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.CatalogIntake;
import io.opsflow.catalog.ServiceNowRequestItemEvent;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customerintake.CustomerIntakes;
import io.opsflow.customerintake.NewCustomerRequest;
import io.opsflow.intake.IntakeResult;
import io.opsflow.servicenow.RequestedItem;

/** {@code sc_req_item} deliveries to the service catalog, with their catalog variables. */
@Component
class ServiceNowRequestItemHandler extends ServiceNowTableHandler<ServiceNowRequestItemEvent> {

    private final CustomerIntakes customerIntakes;

    ServiceNowRequestItemHandler(CustomerRegistry customers, CatalogIntake intake, CustomerIntakes customerIntakes) {
        super("sc_req_item", customers, intake::receive);
        this.customerIntakes = customerIntakes;
    }

    /**
     * The "new customer" catalog item is requested by the MSP's own staff for a company that is no customer
     * yet: it starts a customer intake instead of a catalog request, with no customer to resolve.
     */
    @Override
    IntakeResult handle(ServiceNowWebhook webhook) {
        Map<String, String> record = webhook.record();
        if (!customerIntakes.isNewCustomerItem(record.get("cat_item"), record.get("cat_item_name"))) {
            return super.handle(webhook);
        }
        webhook.requireCreatedOrUpdated();
        return customerIntakes.receive(new NewCustomerRequest(webhook.deliveryId(), webhook.requiredField("sys_id"),
                webhook.requiredField("number"), variables(webhook)));
    }

    @Override
    ServiceNowRequestItemEvent event(ServiceNowWebhook webhook, Map<String, String> record, String customerId, long modCount) {
        Map<String, String> values = variables(webhook);
        Map<String, String> displayValues = new LinkedHashMap<>();
        webhook.body().path("display_values").properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                displayValues.put(e.getKey(), e.getValue().asText());
            }
        });
        return new ServiceNowRequestItemEvent(webhook.deliveryId(), webhook.type(), customerId, modCount,
                RequestedItem.of(record), record.get("cat_item_name"), values, displayValues, webhook.occurredAt());
    }

    private static Map<String, String> variables(ServiceNowWebhook webhook) {
        JsonNode variables = webhook.body().path("variables");
        if (!variables.isObject()) {
            throw WebhookRejectedException.invalid("variables", "a requested item needs its catalog variables as an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        variables.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return values;
    }
}
