package io.opsflow.webhook;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.incident.ServiceNowIncidentEvent;

/** {@code incident} deliveries to incident coordination; the customer is the one of {@code record.company}. */
@Component
class ServiceNowIncidentHandler implements ServiceNowTableHandler {

    private static final Set<String> TYPES = Set.of("created", "updated");

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
        String companyName = webhook.displayValue("company");
        Customer customer = customers.findByServiceNowCompany(company).orElseThrow(() -> WebhookRejectedException.unprocessable(
                "No customer has the ServiceNow company " + company + (companyName == null ? "" : " (" + companyName + ")")
                        + " of record.company"));
        var event = new ServiceNowIncidentEvent(webhook.deliveryId(), webhook.type(), sysId, number, customer.id(), modCount,
                webhook.changedFields(), webhook.record(), webhook.occurredAt());
        return WebhookResult.of(intake.receive(event));
    }
}
