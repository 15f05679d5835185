package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;
import static io.opsflow.sandbox.ArmAnswers.notAllowed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The MSP's side of a ticket's communications: create as a 202 operation (a subject containing
 * {@code [fail]} ends {@code Failed}), get, and the list oldest first. A message on a ticket that is
 * not closed sets it {@code Updating} and makes Microsoft answer later ({@link DueReplies}). Used
 * under {@link SimulatedSupport}'s lock.
 */
final class SimulatedCommunications {

    private final SimulatedOperations operations;
    private final DueReplies replies;
    private final int pageSize;
    private final Clock clock;

    SimulatedCommunications(SimulatedOperations operations, DueReplies replies, int pageSize, Clock clock) {
        this.operations = operations;
        this.replies = replies;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /** {@code name} is {@code null} for the collection itself. */
    ResponseEntity<?> answer(HttpMethod method, String path, String subscription, String ticketName, SupportTicket ticket, String name,
                             HttpServletRequest request, Map<String, Object> body) {
        if (name == null) {
            return method == HttpMethod.GET
                    ? ArmListPages.page(ticket.communications, request, 10, 10, pageSize, Set.of("createdDate", "communicationType"))
                    : notAllowed(method);
        }
        Optional<Map<String, Object>> existing = ticket.communication(name);
        if (method == HttpMethod.GET) {
            return existing.<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Communication '" + name + "' was not found."));
        }
        if (method != HttpMethod.PUT) {
            return notAllowed(method);
        }
        if (existing.isPresent()) {
            return ResponseEntity.ok(existing.get());
        }
        Map<String, Object> props = new LinkedHashMap<>(asMap(body == null ? null : body.get("properties")));
        if (props.get("subject") == null || props.get("body") == null) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'subject' and 'body' are required.");
        }
        Instant now = clock.instant();
        String subject = String.valueOf(props.get("subject"));
        if (subject.toLowerCase(Locale.ROOT).contains("[fail]")) {
            return operations.accept(subscription, now, "CommunicationCreationFailed", "The communication could not be added to support ticket '"
                    + ticketName + "'. Please try again later.");
        }
        ticket.addCommunication(path, name, subject, String.valueOf(props.get("body")),
                props.get("sender") == null ? null : String.valueOf(props.get("sender")), "outbound", now);
        ticket.props().put("modifiedDate", SimulatedSupport.time(now));
        if (!"Closed".equals(ticket.props().get("status"))) {
            ticket.props().put("status", "Updating");
            ticket.lastOutboundSubject = subject;
            replies.expect(ticket, now);
        }
        return operations.accept(subscription, now, null, null);
    }
}
