package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.servicenow.FieldLimits;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.NewIncident;
import io.opsflow.servicenow.ServiceNowClient;

/** Opens the ServiceNow incident of an alert; idempotent on the alert id (correlation_id). */
@Component
class CreateServiceNowIncidentDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;

    CreateServiceNowIncidentDelegate(IncidentContext context, ServiceNowClient servicenow, IncidentProperties properties) {
        this.context = context;
        this.servicenow = servicenow;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        if (customer.servicenow() == null) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no servicenow.companySysId in the registry");
        }
        String link = properties.publicUrl() + "/camunda/app/cockpit/default/#/process-instance/" + execution.getProcessInstanceId();
        Incident incident = servicenow.createIncident(NewIncident.forCorrelationId((String) execution.getVariable(IncidentVariables.ALERT_ID))
                .correlationDisplay((String) execution.getVariable(IncidentVariables.SOURCE))
                .company(customer.servicenow().companySysId())
                .assignmentGroup(customer.servicenow().assignmentGroup())
                .shortDescription(FieldLimits.fit((String) execution.getVariable(IncidentVariables.SUMMARY), "", FieldLimits.SHORT_DESCRIPTION))
                // The whole text stays in opsflow (Triage form); ServiceNow gets what its field holds.
                .description(FieldLimits.fit((String) execution.getVariable(IncidentVariables.DESCRIPTION), "\n\nopsflow: " + link,
                        FieldLimits.DESCRIPTION))
                .impact((String) execution.getVariable(IncidentVariables.IMPACT))
                .urgency((String) execution.getVariable(IncidentVariables.URGENCY))
                .build());
        execution.setVariable(IncidentVariables.SERVICENOW_SYS_ID, incident.sysId());
        execution.setVariable(IncidentVariables.SERVICENOW_NUMBER, incident.number());
    }
}
