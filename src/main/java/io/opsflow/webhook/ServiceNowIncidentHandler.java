package io.opsflow.webhook;

import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.incident.ServiceNowIncidentEvent;
import io.opsflow.servicenow.Incident;

/** {@code incident} deliveries to incident coordination; the customer is the one of {@code record.company}. */
@Component
class ServiceNowIncidentHandler implements ServiceNowTableHandler {

    private final CustomerRegistry customers;
    private final IncidentIntake intake;

    ServiceNowIncidentHandler(CustomerRegistry customers, IncidentIntake intake) {
        this.customers = customers;
        this.intake = intake;
    }

    @Override
    public String table() {
        return "incident";
    }

    @Override
    public WebhookResult handle(ServiceNowWebhook webhook) {
        webhook.requireCreatedOrUpdated();
        webhook.requiredField("sys_id");
        webhook.requiredField("number");
        var event = new ServiceNowIncidentEvent(webhook.deliveryId(), webhook.type(), webhook.customer(customers).id(),
                webhook.modCount(), webhook.changedFields(), Incident.of(webhook.record()), webhook.record().get("latest_comment"),
                webhook.occurredAt());
        return WebhookResult.of(intake.receive(event));
    }
}
