package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;

/**
 * Tells the incident, in the customer's language, the ticket's number and when Microsoft must answer
 * (Tokyo time), and puts the number in the incident's {@code u_microsoft_case} column.
 */
@Component
class AddSupportTicketWorkNoteDelegate implements JavaDelegate {

    static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.of("Asia/Tokyo"));

    private final EscalationContext context;
    private final SupportNotes notes;

    AddSupportTicketWorkNoteDelegate(EscalationContext context, SupportNotes notes) {
        this.context = context;
        this.notes = notes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        Date due = (Date) execution.getVariable(SUPPORT_RESPONSE_DUE);
        String caseNumber = (String) execution.getVariable(MICROSOFT_CASE_NUMBER);
        notes.ticketOpened(execution, context.texts(customer).text("escalation.worknote.created", caseNumber,
                execution.getVariable(SUPPORT_SEVERITY), due == null ? "-" : DEADLINE.format(due.toInstant())), caseNumber);
    }
}
