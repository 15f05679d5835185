package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.asMap;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * When Microsoft answers a ticket and what that changes: {@code support-reply-delay} after the ticket
 * is created and after each message of the MSP, a message in Japanese from
 * {@link MicrosoftReplies#SENDER} appears, dated when it was due, and sets the status back to
 * {@code Open}, never touching the severity. On a {@code [close]} ticket Microsoft's second message
 * closes it, even if the MSP wrote nothing. Replies are written when the simulator is next asked,
 * from its clock, so that no thread is needed. Used under {@link SimulatedSupport}'s lock.
 */
final class DueReplies {

    private final Duration delay;

    DueReplies(Duration delay) {
        this.delay = delay;
    }

    /** Microsoft will answer {@code support-reply-delay} after {@code at}. */
    void expect(SupportTicket ticket, Instant at) {
        ticket.repliesDue.add(at.plus(delay));
    }

    /** Writes Microsoft's messages that are due by {@code now}, each dated when it was due. */
    void catchUp(Collection<SupportTicket> tickets, Instant now) {
        for (SupportTicket ticket : tickets) {
            while (!ticket.repliesDue.isEmpty() && !ticket.repliesDue.first().isAfter(now)) {
                reply(ticket, ticket.repliesDue.pollFirst());
            }
        }
    }

    private void reply(SupportTicket ticket, Instant at) {
        Map<String, Object> props = ticket.props();
        String number = String.valueOf(props.get("supportTicketId"));
        String lastName = String.valueOf(asMap(props.get("contactDetails")).get("lastName"));
        boolean closes = String.valueOf(props.get("title")).toLowerCase(Locale.ROOT).contains("[close]") && ticket.microsoftMessages == 1;
        MicrosoftReplies.Reply reply = ticket.microsoftMessages == 0
                ? MicrosoftReplies.firstResponse(number, String.valueOf(props.get("title")), lastName)
                : closes ? MicrosoftReplies.closing(number, subjectToAnswer(ticket), lastName)
                : MicrosoftReplies.answer(number, subjectToAnswer(ticket), lastName);
        ticket.microsoftMessages++;
        ticket.addCommunication(String.valueOf(ticket.json.get("id")) + "/communications", UUID.randomUUID().toString(),
                reply.subject(), reply.body(), MicrosoftReplies.SENDER, "inbound", at);
        ticket.communications.sort(Comparator.comparing(c -> String.valueOf(asMap(c.get("properties")).get("createdDate"))));
        asMap(props.get("supportEngineer")).put("emailAddress", MicrosoftReplies.SENDER);
        props.put("modifiedDate", SimulatedSupport.time(at));
        if (closes) {
            props.put("status", "Closed");
            ticket.repliesDue.clear();
        } else {
            props.put("status", "Open");
            if (ticket.microsoftMessages == 1 && String.valueOf(props.get("title")).toLowerCase(Locale.ROOT).contains("[close]") && ticket.repliesDue.isEmpty()) {
                expect(ticket, at);
            }
        }
    }

    private static String subjectToAnswer(SupportTicket ticket) {
        return ticket.lastOutboundSubject != null ? ticket.lastOutboundSubject : String.valueOf(ticket.props().get("title"));
    }
}
