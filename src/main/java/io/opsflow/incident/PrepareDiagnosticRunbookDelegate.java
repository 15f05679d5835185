package io.opsflow.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * What runbook-job is called with for the runbook the diagnostic-runbook DMN mapped: the alert and
 * its resource as parameters and the configured time limit; until it returns, the triage form says
 * diagnostics are running. No runbook for the resource type, or a customer without an Automation
 * account, gets a note saying so instead of a call: diagnostics are a help, not a step triage waits for.
 */
@Component
class PrepareDiagnosticRunbookDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IncidentContext context;
    private final IncidentProperties properties;
    private final Messages messages;

    PrepareDiagnosticRunbookDelegate(IncidentContext context, IncidentProperties properties, Messages messages) {
        this.context = context;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        Customer customer = context.customer(execution);
        Messages.Texts texts = messages.forCustomer(customer);
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        String note = null;
        if (runbook == null) {
            Object type = execution.getVariable(IncidentVariables.TARGET_RESOURCE_TYPE);
            note = type == null ? texts.text("incident.diagnostic.noResourceType") : texts.text("incident.diagnostic.noRunbook", type);
        } else if (customer.azure() == null || customer.azure().automationAccount() == null) {
            note = texts.text("incident.diagnostic.notRunnable", runbook);
        }
        execution.setVariable(IncidentVariables.DIAGNOSTIC_RUNNABLE, note == null);
        if (note != null) {
            execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, note);
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AlertId", (String) execution.getVariable(IncidentVariables.ALERT_ID));
        parameters.put("TargetResource", (String) execution.getVariable(IncidentVariables.TARGET_RESOURCE));
        parameters.values().removeIf(v -> v == null);
        execution.setVariable(IncidentVariables.DIAGNOSTIC_PARAMETERS, JSON.writeValueAsString(parameters));
        execution.setVariable(IncidentVariables.DIAGNOSTIC_TIMEOUT, properties.diagnosticTimeout().toString());
        execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, texts.text("incident.diagnostic.running", runbook,
                String.valueOf(properties.diagnosticTimeout().toMinutes())));
    }
}
