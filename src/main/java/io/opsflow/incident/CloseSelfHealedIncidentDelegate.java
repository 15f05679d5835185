package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/** The alert recovered before anyone triaged it: resolve the ServiceNow incident as self-healed. */
@Component
class CloseSelfHealedIncidentDelegate implements JavaDelegate {

    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;
    private final IncidentContext context;
    private final Messages messages;

    CloseSelfHealedIncidentDelegate(ServiceNowClient servicenow, IncidentProperties properties, IncidentContext context, Messages messages) {
        this.servicenow = servicenow;
        this.properties = properties;
        this.context = context;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        servicenow.updateIncident(IncidentContext.serviceNowSysId(execution), IncidentUpdate.resolve(properties.selfHealedCloseCode(),
                messages.forCustomer(context.customer(execution)).text("incident.selfHealed")));
    }
}
