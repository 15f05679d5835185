package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;

/**
 * The operator closes the ticket once the incident is resolved: the final message first (its name fixed
 * per relay, so a retried job does not send it twice), then PATCH status closed. The relay's next pass
 * sees the ticket closed, notes it and ends.
 */
@Component
class CloseSupportTicketDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportTickets tickets;
    private final SupportCommunications communications;

    CloseSupportTicketDelegate(EscalationContext context, SupportTickets tickets, SupportCommunications communications) {
        this.context = context;
        this.tickets = tickets;
        this.communications = communications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportAccess access = context.access(execution);
        String ticket = (String) execution.getVariable(SUPPORT_TICKET_NAME);
        String message = (String) execution.getVariable(SUPPORT_CLOSING_MESSAGE);
        if (message != null && !message.isBlank()) {
            String name = "opsflow-close-" + execution.getProcessInstanceId().toLowerCase().replaceAll("[^a-z0-9]", "");
            if (communications.checkName(access, ticket, name).available()) {
                Customer.Contact contact = access.customer().supportOrDefault().contact();
                communications.add(access, ticket, name, "[" + execution.getVariable(SERVICENOW_NUMBER) + "] " + execution.getVariable(SUMMARY),
                        message.strip(), contact == null ? null : contact.email());
            }
        }
        tickets.close(access, ticket);
    }
}
