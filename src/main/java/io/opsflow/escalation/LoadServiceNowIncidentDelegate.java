package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * An escalation started by hand names a customer (the engine has checked the operator works for it) and
 * an incident number. The incident must be that customer's (its ServiceNow company), exist, and have no
 * open ticket; else {@value #ERROR_REFUSED} with the reason for the operator. What the incident's own
 * coordination knows (resource, diagnostics, priority, target time) is carried over when it runs.
 */
@Component
class LoadServiceNowIncidentDelegate implements JavaDelegate {

    static final String ERROR_REFUSED = "ESCALATION_REFUSED";
    private static final List<String> FROM_COORDINATION = List.of(PRIORITY, TARGET_RESOURCE, TARGET_RESOURCE_TYPE, DIAGNOSTIC_NOTE,
            FINDINGS, IDENTIFY_CAUSE_DUE_AT);

    private final EscalationContext context;
    private final ServiceNowClient servicenow;

    LoadServiceNowIncidentDelegate(EscalationContext context, ServiceNowClient servicenow) {
        this.context = context;
        this.servicenow = servicenow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        Messages.Texts texts = context.texts(customer);
        String number = (String) execution.getVariable(SERVICENOW_NUMBER);
        Incident incident = servicenow.findIncidentByNumber(number)
                .orElseThrow(() -> refused(texts.text("escalation.refused.unknown", number)));
        if (customer.servicenow() == null || !Objects.equals(customer.servicenow().companySysId(), incident.company())) {
            throw refused(texts.text("escalation.refused.otherCustomer", number, customer.displayName()));
        }
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        OpenSupportTickets.caseNumberOf(runtime, incident.sysId()).ifPresent(caseNumber -> {
            throw refused(texts.text("escalation.refused.open", number, caseNumber));
        });

        execution.setProcessBusinessKey(number);
        execution.setVariable(SERVICENOW_SYS_ID, incident.sysId());
        execution.setVariable(SUMMARY, incident.shortDescription());
        execution.setVariable(DESCRIPTION, incident.description());
        execution.setVariable(PRIORITY, priority(incident.priority()));
        runtime.createProcessInstanceQuery().processDefinitionKey(INCIDENT_PROCESS_KEY).variableValueEquals(SERVICENOW_SYS_ID, incident.sysId())
                .list().stream().findFirst().map(ProcessInstance::getId).map(id -> runtime.getVariables(id, FROM_COORDINATION))
                .ifPresent(known -> known.forEach((name, value) -> {
                    if (value != null) {
                        execution.setVariable(name, value);
                    }
                }));
    }

    /** ServiceNow's 1 Critical … 5 Planning as opsflow's P1 … P4 (the severity table's input). */
    static String priority(String code) {
        return switch (code == null ? "" : code.strip()) {
            case "1" -> "P1";
            case "2" -> "P2";
            case "3" -> "P3";
            default -> "P4";
        };
    }

    private static BpmnError refused(String reason) {
        return new BpmnError(ERROR_REFUSED, reason);
    }
}
