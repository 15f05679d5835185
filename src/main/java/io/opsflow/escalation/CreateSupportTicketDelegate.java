package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;

/**
 * Asks Microsoft for the ticket the operator confirmed. The name is derived from the process instance
 * and the attempt (a new attempt after a Failed creation gets a new name; a retried job the same one),
 * so a create retried after a lost answer finds the ticket it made instead of opening a second. Only
 * the preparation form's own fields are read. ARM usually answers 202: the status URL is kept for the
 * poll loop.
 */
@Component
class CreateSupportTicketDelegate implements JavaDelegate {

    static final Duration FIRST_POLL = Duration.ofSeconds(30);

    private final EscalationContext context;
    private final SupportTickets tickets;

    CreateSupportTicketDelegate(EscalationContext context, SupportTickets tickets) {
        this.context = context;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportAccess access = context.access(execution);
        Integer attempt = (Integer) execution.getVariable(SUPPORT_TICKET_ATTEMPT);
        int next = attempt == null ? 1 : attempt + 1;
        String name = ticketName(execution.getProcessInstanceId(), next);
        SupportTickets.NameAvailability availability = tickets.checkName(access, name);
        if (!availability.available() && !"AlreadyExists".equalsIgnoreCase(availability.reason())) {
            throw new IllegalStateException("Ticket name " + name + " refused: " + availability.reason() + " " + availability.message());
        }
        Customer customer = access.customer();
        Customer.Contact contact = customer.supportOrDefault().contact();
        if (contact == null) {
            throw new MissingSupportContactException(customer.id());
        }
        SupportTickets.Severity severity = SupportTickets.Severity.of((String) execution.getVariable(SUPPORT_SEVERITY));
        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(access, new SupportTickets.NewTicket(name,
                (String) execution.getVariable(SUPPORT_SERVICE_ID), (String) execution.getVariable(SUPPORT_PROBLEM_CLASSIFICATION_ID),
                severity == null ? SupportTickets.Severity.MINIMAL : severity,
                (String) execution.getVariable(SUPPORT_TITLE), (String) execution.getVariable(SUPPORT_DESCRIPTION),
                (String) execution.getVariable(TARGET_RESOURCE), Boolean.TRUE.equals(execution.getVariable(SUPPORT_DIAGNOSTIC_CONSENT)),
                Boolean.TRUE.equals(execution.getVariable(SUPPORT_24X7)),
                new SupportTickets.Contact(contact.firstName(), contact.lastName(), contact.email(), contact.additionalEmails(),
                        contact.preferredContactMethod().value(), contact.timeZone(), contact.country(),
                        contact.preferredLanguage(), contact.phone())));
        execution.setVariable(SUPPORT_TICKET_ATTEMPT, next);
        execution.setVariable(SUPPORT_TICKET_NAME, name);
        execution.setVariable(SUPPORT_TICKET_STATUS_URL, submission.statusUrl());
        // Answered at once (or found from an earlier try): the first poll reads the ticket without waiting.
        execution.setVariable(SUPPORT_POLL_INTERVAL, (submission.isAccepted() ? FIRST_POLL : Duration.ZERO).toString());
    }

    /** Lower-case letters, digits and hyphens, as Microsoft.Support accepts for a ticket name. */
    static String ticketName(String processInstanceId, int attempt) {
        return "opsflow-" + processInstanceId.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + attempt;
    }

}
