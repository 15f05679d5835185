package io.opsflow.webhook;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.incident.ServiceNowIncidentEvent;
import io.opsflow.servicenow.Incident;

/** {@code incident} deliveries to incident coordination. */
@Component
class ServiceNowIncidentHandler extends ServiceNowTableHandler<ServiceNowIncidentEvent> {

    ServiceNowIncidentHandler(CustomerRegistry customers, IncidentIntake intake) {
        super("incident", customers, intake::receive);
    }

    @Override
    ServiceNowIncidentEvent event(ServiceNowWebhook webhook, Map<String, String> record, String customerId, long modCount) {
        return new ServiceNowIncidentEvent(webhook.deliveryId(), webhook.type(), customerId, modCount, webhook.changedFields(),
                Incident.of(record), record.get("latest_comment"),
                record.get("latest_work_note"), record.get("sys_updated_by"), webhook.occurredAt());
    }
}
