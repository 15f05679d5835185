package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hands the days-long relay to its own instance of microsoft-support-relay (business key = the ticket
 * name, the same customer and so the same tenant), in the same transaction: the incident does not wait
 * inside the call activity, and a retried step cannot start a second relay (the escalation rolls back
 * with it).
 */
@Component
class StartSupportRelayDelegate implements JavaDelegate {

    static final List<String> HANDED_OVER = List.of(CUSTOMER_ID, PRIORITY, SUMMARY, TARGET_RESOURCE, SERVICENOW_SYS_ID,
            SERVICENOW_NUMBER, MICROSOFT_CASE_NUMBER, SUPPORT_TICKET_NAME, SUPPORT_RESPONSE_DUE, SUPPORT_SEVERITY,
            SUPPORT_TICKET_STATUS, SUPPORT_TICKET_SEVERITY);

    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** Microsoft gives every ticket an expiration; should it not, the longest plan target (Basic/Developer: a business day) applies. */
    static final Duration NO_DEADLINE_GIVEN = Duration.ofDays(1);

    @Override
    public void execute(DelegateExecution execution) {
        VariableMap variables = Variables.createVariables();
        HANDED_OVER.forEach(name -> variables.put(name, execution.getVariable(name)));
        Date now = ClockUtil.getCurrentTime();
        // ARM's clock is not ours: look a little before now for the first pass; the names relayed keep it to once.
        variables.put(RELAY_LAST_SEEN, new Date(now.getTime() - CLOCK_SKEW.toMillis()));
        if (variables.get(SUPPORT_RESPONSE_DUE) == null) {
            variables.put(SUPPORT_RESPONSE_DUE, new Date(now.getTime() + NO_DEADLINE_GIVEN.toMillis()));
        }
        variables.put(RELAY_POLL_INTERVAL, RelayMicrosoftCommunicationsDelegate.WHILE_DEADLINE_RUNS.toString());
        variables.put(MICROSOFT_RESPONDED, false);
        variables.put(SUPPORT_TICKET_CLOSED, false);
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(RELAY_PROCESS_KEY)
                .businessKey((String) execution.getVariable(SUPPORT_TICKET_NAME)).setVariables(variables).execute();
    }
}
