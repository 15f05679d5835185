package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.servicenow.FieldLimits;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.NewIncident;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Opens the ServiceNow incident of an alert; idempotent on the alert id (correlation_id). A test alert's
 * incident says so in its short description, in the customer's language, and in a work note saying
 * that nobody was paged, so no one in ServiceNow mistakes it for a real one.
 */
@Component
class CreateServiceNowIncidentDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;
    private final WorkNotes workNotes;

    CreateServiceNowIncidentDelegate(IncidentContext context, ServiceNowClient servicenow, IncidentProperties properties, WorkNotes workNotes) {
        this.context = context;
        this.servicenow = servicenow;
        this.properties = properties;
        this.workNotes = workNotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        if (customer.servicenow() == null) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no servicenow.companySysId in the registry");
        }
        String link = properties.publicUrl() + "/camunda/app/cockpit/default/#/process-instance/" + execution.getProcessInstanceId();
        boolean test = Boolean.TRUE.equals(execution.getVariable(IncidentVariables.TEST_ALERT));
        String summary = (String) execution.getVariable(IncidentVariables.SUMMARY);
        if (test) {
            summary = workNotes.texts(execution).text("incident.test.shortDescription", summary);
        }
        Incident incident = servicenow.createIncident(NewIncident.forCorrelationId((String) execution.getVariable(IncidentVariables.ALERT_ID))
                .correlationDisplay((String) execution.getVariable(IncidentVariables.SOURCE))
                .company(customer.servicenow().companySysId())
                .assignmentGroup(customer.servicenow().assignmentGroup())
                .shortDescription(FieldLimits.fit(summary, "", FieldLimits.SHORT_DESCRIPTION))
                // The whole text stays in opsflow (Triage form); ServiceNow gets what its field holds.
                .description(FieldLimits.fit((String) execution.getVariable(IncidentVariables.DESCRIPTION), "\n\nopsflow: " + link,
                        FieldLimits.DESCRIPTION))
                .impact((String) execution.getVariable(IncidentVariables.IMPACT))
                .urgency((String) execution.getVariable(IncidentVariables.URGENCY))
                .build());
        execution.setVariable(IncidentVariables.SERVICENOW_SYS_ID, incident.sysId());
        execution.setVariable(IncidentVariables.SERVICENOW_NUMBER, incident.number());
        if (test) {
            workNotes.add(execution, workNotes.texts(execution).text("incident.test.workNote"));
        }
    }
}
