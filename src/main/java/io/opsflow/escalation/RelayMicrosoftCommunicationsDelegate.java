package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * One pass of the relay Microsoft → ServiceNow. ARM's {@code createdDate ge} bound is inclusive and its
 * clock is not ours, so the same message comes back: the names already relayed are kept in the
 * process ({@value EscalationVariables#RELAYED_COMMUNICATIONS}, in the engine's database, so a restart
 * or another node continues from them) and each new inbound message becomes exactly one note (the note
 * key is its name, so even a retried job whose first try wrote the note does not write it twice). A
 * change of status or severity is noted; a ticket closed ends the relay. The next pass is soon while
 * Microsoft owes a first answer, later once it has answered; a 429 waits ARM's {@code Retry-After}.
 */
@Component
class RelayMicrosoftCommunicationsDelegate implements JavaDelegate {

    static final Duration WHILE_DEADLINE_RUNS = Duration.ofMinutes(5);
    static final Duration AFTER_RESPONSE = Duration.ofMinutes(30);

    private final EscalationContext context;
    private final SupportTickets tickets;
    private final SupportCommunications communications;
    private final SupportNotes notes;

    RelayMicrosoftCommunicationsDelegate(EscalationContext context, SupportTickets tickets, SupportCommunications communications,
                                         SupportNotes notes) {
        this.context = context;
        this.tickets = tickets;
        this.communications = communications;
        this.notes = notes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        SupportAccess access = context.access(execution);
        Customer customer = access.customer();
        Messages.Texts texts = context.texts(customer);
        String ticketName = (String) execution.getVariable(SUPPORT_TICKET_NAME);
        Set<String> relayed = new LinkedHashSet<>();
        Object kept = execution.getVariable(RELAYED_COMMUNICATIONS);
        if (kept instanceof List<?> names) {
            names.forEach(n -> relayed.add(String.valueOf(n)));
        }
        OffsetDateTime lastSeen = ((Date) execution.getVariable(RELAY_LAST_SEEN)).toInstant().atOffset(ZoneOffset.UTC);
        boolean responded = Boolean.TRUE.equals(execution.getVariable(MICROSOFT_RESPONDED));
        try {
            for (SupportCommunications.Communication message : communications.since(access, ticketName, lastSeen)) {
                if (message.createdDate() != null && message.createdDate().isAfter(lastSeen)) {
                    lastSeen = message.createdDate();
                }
                if (!message.isFromMicrosoft() || !relayed.add(message.name())) {
                    continue;
                }
                notes.relay(execution, customer, texts.text("escalation.relay.inbound", execution.getVariable(MICROSOFT_CASE_NUMBER),
                        nonNull(message.sender()), nonNull(message.subject()), plain(message.body())), message.name());
                responded = true;
            }
            SupportTickets.Ticket ticket = tickets.get(access, ticketName);
            noteChanges(execution, texts, ticket);
            execution.setVariable(SUPPORT_TICKET_CLOSED, ticket.isClosed());
            execution.setVariable(RELAY_POLL_INTERVAL, (responded ? AFTER_RESPONSE : WHILE_DEADLINE_RUNS).toString());
        } catch (ArmThrottledException e) {
            execution.setVariable(RELAY_POLL_INTERVAL, (e.retryAfter() != null ? e.retryAfter() : WHILE_DEADLINE_RUNS).toString());
        }
        execution.setVariable(MICROSOFT_RESPONDED, responded);
        execution.setVariable(RELAY_LAST_SEEN, Date.from(lastSeen.toInstant()));
        execution.setVariable(RELAYED_COMMUNICATIONS, Variables.objectValue(new ArrayList<>(relayed))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }

    private void noteChanges(DelegateExecution execution, Messages.Texts texts, SupportTickets.Ticket ticket) {
        String status = ticket.status();
        String severity = ticket.severity() == null ? null : ticket.severity().value();
        String since = String.valueOf(ticket.modifiedDate());
        if (status != null && !status.equals(execution.getVariable(SUPPORT_TICKET_STATUS))) {
            notes.workNote(execution, texts.text(ticket.isClosed() ? "escalation.relay.closed" : "escalation.relay.status",
                    execution.getVariable(MICROSOFT_CASE_NUMBER), status), "status:" + status + ":" + since);
            execution.setVariable(SUPPORT_TICKET_STATUS, status);
        }
        if (severity != null && !severity.equals(execution.getVariable(SUPPORT_TICKET_SEVERITY))) {
            notes.workNote(execution, texts.text("escalation.relay.severity", execution.getVariable(MICROSOFT_CASE_NUMBER), severity),
                    "severity:" + severity + ":" + since);
            execution.setVariable(SUPPORT_TICKET_SEVERITY, severity);
        }
    }

    /** Microsoft writes HTML: line breaks kept, tags dropped, the text itself (Japanese included) as it is. */
    static String plain(String body) {
        if (body == null) {
            return "";
        }
        return body.replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .strip();
    }

    private static String nonNull(String text) {
        return text == null ? "-" : text;
    }
}
