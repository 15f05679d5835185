package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.SupportTickets;

/**
 * The operator closes the ticket once the incident is resolved: PATCH status closed, after the final
 * message (if any) was sent and followed to its end by the call activity before. The relay's next pass
 * sees the ticket closed, notes it and ends.
 */
@Component
class CloseSupportTicketDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportTickets tickets;

    CloseSupportTicketDelegate(EscalationContext context, SupportTickets tickets) {
        this.context = context;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tickets.close(context.access(execution), (String) execution.getVariable(SUPPORT_TICKET_NAME));
    }
}
