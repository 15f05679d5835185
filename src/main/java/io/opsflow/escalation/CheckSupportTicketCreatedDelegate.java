package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportOperationFailedException;
import io.opsflow.azure.SupportTickets;

/**
 * One poll of the ticket's creation (a ticket ARM returned at once is just read). Still creating: the next poll waits longer (30s doubling to 5m).
 * Throttled: the next poll waits what ARM asked for. Failed or Canceled: Microsoft's reason goes to the
 * operator's task, and nothing is reported as sent. Created: the ticket number and Microsoft's
 * response deadline are kept.
 */
@Component
class CheckSupportTicketCreatedDelegate implements JavaDelegate {

    static final Duration LONGEST_POLL = Duration.ofMinutes(5);

    private final EscalationContext context;
    private final SupportTickets tickets;

    CheckSupportTicketCreatedDelegate(EscalationContext context, SupportTickets tickets) {
        this.context = context;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ArmSubmission<SupportTickets.Ticket> submission = new ArmSubmission<>((String) execution.getVariable(SUPPORT_TICKET_NAME),
                (String) execution.getVariable(SUPPORT_TICKET_STATUS_URL), null);
        Duration last = Duration.parse((String) execution.getVariable(SUPPORT_POLL_INTERVAL));
        last = last.compareTo(CreateSupportTicketDelegate.FIRST_POLL) < 0 ? CreateSupportTicketDelegate.FIRST_POLL : last;
        try {
            SupportAccess access = context.access(execution);
            Optional<SupportTickets.Ticket> ticket = submission.statusUrl() == null
                    ? Optional.of(tickets.get(access, submission.name()))
                    : tickets.created(access, submission);
            if (ticket.isPresent()) {
                created(execution, ticket.get());
            } else {
                execution.setVariable(SUPPORT_TICKET_OUTCOME, OUTCOME_CREATING);
                Duration doubled = last.multipliedBy(2);
                execution.setVariable(SUPPORT_POLL_INTERVAL, (doubled.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : doubled).toString());
            }
        } catch (SupportOperationFailedException e) {
            execution.setVariable(SUPPORT_TICKET_OUTCOME, OUTCOME_FAILED);
            execution.setVariable(SUPPORT_FAILURE_REASON, e.reason() != null ? e.reason() : e.getMessage());
        } catch (ArmThrottledException e) {
            execution.setVariable(SUPPORT_TICKET_OUTCOME, OUTCOME_CREATING);
            execution.setVariable(SUPPORT_POLL_INTERVAL, (e.retryAfter() != null ? e.retryAfter() : last).toString());
        }
    }

    private static void created(DelegateExecution execution, SupportTickets.Ticket ticket) {
        execution.setVariable(SUPPORT_TICKET_OUTCOME, OUTCOME_CREATED);
        execution.setVariable(MICROSOFT_CASE_NUMBER, ticket.supportTicketId());
        execution.setVariable(SUPPORT_TICKET_STATUS, ticket.status());
        execution.setVariable(SUPPORT_TICKET_SEVERITY, ticket.severity() == null ? null : ticket.severity().value());
        execution.setVariable(SUPPORT_RESPONSE_DUE, ticket.slaExpirationTime() == null ? null
                : Date.from(ticket.slaExpirationTime().toInstant()));
    }
}
