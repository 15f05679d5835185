package io.opsflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.CatalogIntake;
import io.opsflow.catalog.ServiceNowRequestItemEvent;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/** {@code sc_req_item} deliveries to the service catalog; the customer is the one of {@code record.company}. */
@Component
class ServiceNowRequestItemHandler implements ServiceNowTableHandler {

    private static final Set<String> TYPES = Set.of("created", "updated");

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
        if (!TYPES.contains(webhook.type())) {
            throw WebhookRejectedException.invalid("event.type", "'" + webhook.type() + "' is neither created nor updated");
        }
        String sysId = webhook.requiredField("sys_id");
        String number = webhook.requiredField("number");
        String modCountText = webhook.requiredField("sys_mod_count");
        long modCount;
        try {
            modCount = Long.parseLong(modCountText);
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.invalid("record.sys_mod_count", "'" + modCountText + "' is not a number");
        }
        String company = webhook.requiredField("company");
        Customer customer = customers.findByServiceNowCompany(company).orElseThrow(() -> WebhookRejectedException.unprocessable(
                "No customer has the ServiceNow company " + company + " of record.company"));
        JsonNode variables = webhook.body().path("variables");
        if (!variables.isObject()) {
            throw WebhookRejectedException.invalid("variables", "a requested item needs its catalog variables as an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        variables.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return WebhookResult.of(intake.receive(new ServiceNowRequestItemEvent(webhook.deliveryId(), webhook.type(), sysId, number,
                customer.id(), modCount, webhook.record(), values, webhook.occurredAt())));
    }
}
