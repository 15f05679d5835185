package io.opsflow.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;

/**
 * What runbook-job is called with for the runbook the diagnostic-runbook DMN mapped: the alert and
 * its resource as parameters and the configured time limit. A customer without an Automation
 * account gets a note instead of a call: diagnostics are a help, not a step the incident waits for.
 */
@Component
class PrepareDiagnosticRunbookDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IncidentContext context;
    private final IncidentProperties properties;

    PrepareDiagnosticRunbookDelegate(IncidentContext context, IncidentProperties properties) {
        this.context = context;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        Customer customer = context.customer(execution);
        boolean runnable = customer.azure() != null && customer.azure().automationAccount() != null;
        execution.setVariable(IncidentVariables.DIAGNOSTIC_RUNNABLE, runnable);
        if (!runnable) {
            execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, "診断 Runbook " + execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK)
                    + " は実行できません: Automation アカウント未登録 / cannot run: the customer has no Automation account");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AlertId", (String) execution.getVariable(IncidentVariables.ALERT_ID));
        parameters.put("TargetResource", (String) execution.getVariable(IncidentVariables.TARGET_RESOURCE));
        parameters.values().removeIf(v -> v == null);
        execution.setVariable(IncidentVariables.DIAGNOSTIC_PARAMETERS, JSON.writeValueAsString(parameters));
        execution.setVariable(IncidentVariables.DIAGNOSTIC_TIMEOUT, properties.diagnosticTimeout().toString());
    }
}
