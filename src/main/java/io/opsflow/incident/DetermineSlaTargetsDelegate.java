package io.opsflow.incident;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;

/**
 * SLA targets of the incident's priority: the customer's own (registry) or else the defaults
 * managers keep in the {@code incident-sla-defaults} decision; due times are fixed at the start
 * (the timers of the acknowledge and identify-cause targets, the due dates of the tasks).
 */
@Component
class DetermineSlaTargetsDelegate implements JavaDelegate {

    static final String DEFAULTS_DECISION = "incident-sla-defaults";

    private final IncidentContext context;

    DetermineSlaTargetsDelegate(IncidentContext context) {
        this.context = context;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String priority = (String) execution.getVariable(IncidentVariables.PRIORITY);
        Customer.SlaTarget target = context.customer(execution).sla().get(priority);
        if (target == null) {
            target = defaults(execution, priority);
        }
        Date now = ClockUtil.getCurrentTime();
        execution.setVariable(IncidentVariables.ACKNOWLEDGE_WITHIN, target.acknowledge().toString());
        execution.setVariable(IncidentVariables.IDENTIFY_CAUSE_WITHIN, target.identifyCause().toString());
        execution.setVariable(IncidentVariables.RESOLVE_WITHIN, target.resolve().toString());
        execution.setVariable(IncidentVariables.ACKNOWLEDGE_DUE_AT, new Date(now.getTime() + target.acknowledge().toMillis()));
        execution.setVariable(IncidentVariables.IDENTIFY_CAUSE_DUE_AT, new Date(now.getTime() + target.identifyCause().toMillis()));
        execution.setVariable(IncidentVariables.RESOLVE_DUE_AT, new Date(now.getTime() + target.resolve().toMillis()));
    }

    private static Customer.SlaTarget defaults(DelegateExecution execution, String priority) {
        DmnDecisionRuleResult row = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionTableByKey(DEFAULTS_DECISION).decisionDefinitionWithoutTenantId()
                .variables(Map.of(IncidentVariables.PRIORITY, priority)).evaluate().getSingleResult();
        if (row == null) {
            throw new IllegalStateException("No SLA targets for priority " + priority + " in decision " + DEFAULTS_DECISION);
        }
        return new Customer.SlaTarget(Duration.parse(row.getEntry("acknowledge")), Duration.parse(row.getEntry("identifyCause")),
                Duration.parse(row.getEntry("resolve")));
    }
}
