package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.SupportTickets;

/**
 * The operator's new severity, PATCHed to the ticket. Microsoft refusing it (400, e.g. a severity the
 * plan does not include) is not a fault to retry: the reason goes back to the operator's next task.
 * The relay's next pass notes the change in ServiceNow, as it does for changes made by Microsoft.
 */
@Component
class ChangeSupportSeverityDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportTickets tickets;

    ChangeSupportSeverityDelegate(EscalationContext context, SupportTickets tickets) {
        this.context = context;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportTickets.Severity severity = SupportTickets.Severity.of((String) execution.getVariable(SUPPORT_NEW_SEVERITY));
        try {
            tickets.changeSeverity(context.access(execution), (String) execution.getVariable(SUPPORT_TICKET_NAME), severity);
            execution.setVariable(SUPPORT_FAILURE_REASON, null);
        } catch (ArmException e) {
            if (e.status() != 400) {
                throw e;
            }
            execution.setVariable(SUPPORT_FAILURE_REASON, e.getMessage());
        }
    }
}
