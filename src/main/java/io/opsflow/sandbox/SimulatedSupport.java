package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.notAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Microsoft.Support (api-version 2024-04-01) as the sandbox's ARM answers it, per
 * {@code contracts/azure-support}:
 * <ul>
 * <li>catalog: {@code GET /providers/Microsoft.Support/services[/{s}[/problemClassifications[/{p}]]]},
 * display names in Japanese for {@code Accept-Language: ja…} ({@link SimulatedSupportCatalog});</li>
 * <li>{@code POST …/checkNameAvailability} for tickets and communications;</li>
 * <li>ticket create: {@code PUT} answers 202 with {@code Azure-AsyncOperation}; the operation answers
 * {@code InProgress} at least once and until {@code ticket-delay} has passed, then {@code Succeeded};
 * a title containing {@code [fail]} ends {@code Failed} with an ARM error and no ticket;</li>
 * <li>{@code GET}, {@code PATCH} (severity, {@code status: open|closed}, contact, consent), list with
 * {@code $filter} ({@code status eq}, {@code createdDate ge}, {@code serviceId eq},
 * {@code problemClassificationId eq}, joined by {@code and});</li>
 * <li>communications: create as a 202 operation (a subject containing {@code [fail]} ends
 * {@code Failed}), get, list oldest first with {@code $filter} ({@code createdDate ge},
 * {@code communicationType eq}) and {@code nextLink} pages of at most {@code support-page-size}.</li>
 * </ul>
 * Microsoft answers each ticket and each message of the MSP in Japanese after
 * {@code support-reply-delay} ({@link DueReplies}).
 * <p>
 * This class routes and holds the one lock: tickets, their messages and due replies are one state,
 * as one Microsoft.Support account is. Tickets are answered by {@link SimulatedTickets}, messages by
 * {@link SimulatedCommunications}, async operations by {@link SimulatedOperations}.
 */
final class SimulatedSupport {

    static final String API_VERSION = "2024-04-01";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final String SUPPORT = "/subscriptions/([^/]+)/providers/Microsoft\\.Support";
    static final Pattern ANY = Pattern.compile("^(/subscriptions/[^/]+)?/providers/Microsoft\\.Support(/|$)", FLAGS);
    private static final Pattern CATALOG = Pattern.compile(
            "/providers/Microsoft\\.Support/services(?:/([^/]+)(?:/problemClassifications(?:/([^/]+))?)?)?", FLAGS);
    private static final Pattern OPERATION = Pattern.compile(SUPPORT + "/(?:operationsStatus|operationResults)/([^/]+)", FLAGS);
    private static final Pattern CHECK_TICKET = Pattern.compile(SUPPORT + "/checkNameAvailability", FLAGS);
    private static final Pattern TICKETS = Pattern.compile(SUPPORT + "/supportTickets", FLAGS);
    private static final Pattern TICKET = Pattern.compile(SUPPORT + "/supportTickets/([^/]+)", FLAGS);
    private static final Pattern CHECK_COMMUNICATION = Pattern.compile(TICKET.pattern() + "/checkNameAvailability", FLAGS);
    private static final Pattern COMMUNICATIONS = Pattern.compile(TICKET.pattern() + "/communications(?:/([^/]+))?", FLAGS);

    private final Clock clock;
    private final SimulatedOperations operations;
    private final DueReplies replies;
    private final SimulatedTickets tickets;
    private final SimulatedCommunications communications;

    /** A ticket as the {@code /sandbox} page shows it: its ARM body and its communications, oldest first. */
    record TicketView(Map<String, Object> ticket, List<Map<String, Object>> communications) {
    }

    SimulatedSupport(Duration ticketDelay, Duration replyDelay, int pageSize, Clock clock) {
        this.clock = clock;
        this.operations = new SimulatedOperations(ticketDelay);
        this.replies = new DueReplies(replyDelay);
        int page = Math.max(1, pageSize);
        this.tickets = new SimulatedTickets(operations, replies, page, clock);
        this.communications = new SimulatedCommunications(operations, replies, page, clock);
    }

    /** Every ticket, newest first, with Microsoft's replies that are due. */
    synchronized List<TicketView> tickets() {
        replies.catchUp(tickets.all(), clock.instant());
        List<TicketView> views = new ArrayList<>();
        tickets.all().forEach(t -> views.add(0, new TicketView(copy(t.json), copy(t.communications))));
        return views;
    }

    /**
     * Answers a request under {@code /sandbox/azure} whose path matches {@link #ANY}. The body is a
     * copy, so that it is written to the wire outside the lock while Microsoft may be replying.
     */
    synchronized ResponseEntity<?> handle(HttpMethod method, String path, HttpServletRequest request, Map<String, Object> body) {
        ResponseEntity<?> answer = answer(method, path, request, body);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(copy(answer.getBody()));
    }

    private ResponseEntity<?> answer(HttpMethod method, String path, HttpServletRequest request, Map<String, Object> body) {
        replies.catchUp(tickets.all(), clock.instant());
        Matcher m;
        if ((m = CATALOG.matcher(path)).matches()) {
            return method == HttpMethod.GET
                    ? SimulatedSupportCatalog.answer(path, m.group(1), m.group(2), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                    : notAllowed(method);
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            return operations.status(m.group(2), clock.instant());
        }
        if ((m = CHECK_TICKET.matcher(path)).matches()) {
            String subscription = m.group(1);
            return checkName(method, body, "Microsoft.Support/supportTickets", name -> tickets.find(subscription, name) != null);
        }
        if ((m = TICKETS.matcher(path)).matches()) {
            return method == HttpMethod.GET ? tickets.list(m.group(1), request) : notAllowed(method);
        }
        if ((m = TICKET.matcher(path)).matches()) {
            return tickets.answer(method, path, m.group(1), m.group(2), body);
        }
        boolean check = (m = CHECK_COMMUNICATION.matcher(path)).matches();
        if (check || (m = COMMUNICATIONS.matcher(path)).matches()) {
            SupportTicket ticket = tickets.find(m.group(1), m.group(2));
            if (ticket == null) {
                return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Support ticket '" + m.group(2) + "' was not found.");
            }
            return check
                    ? checkName(method, body, "Microsoft.Support/communications", name -> ticket.communication(name).isPresent())
                    : communications.answer(method, path, m.group(1), m.group(2), ticket, m.group(3), request, body);
        }
        return armError(HttpStatus.BAD_REQUEST, "InvalidResourceType", "The sandbox does not simulate " + method + " " + path);
    }

    private static ResponseEntity<?> checkName(HttpMethod method, Map<String, Object> body, String type, Predicate<String> taken) {
        if (method != HttpMethod.POST) {
            return notAllowed(method);
        }
        Object name = body == null ? null : body.get("name");
        if (name == null || String.valueOf(name).isBlank() || !type.equalsIgnoreCase(String.valueOf(body.get("type")))) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'name' and 'type' (" + type + ") are required.");
        }
        if (taken.test(String.valueOf(name))) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("nameAvailable", false);
            answer.put("reason", "Name is already in use");
            answer.put("message", "Name not available");
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.ok(Map.of("nameAvailable", true));
    }

    /** A deep copy of a JSON-like value (maps, lists, scalars). */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    /** ARM dates as the contracts show them: UTC, whole seconds. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
