package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * Microsoft answers: {@code support-reply-delay} after a ticket is created, and after each message of
 * the MSP, an inbound message in Japanese from {@link MicrosoftReplies#SENDER} appears (dated when it
 * was due). A message of the MSP sets the status {@code Updating}, Microsoft's reply sets it back to
 * {@code Open}; severity is never changed by Microsoft. On a ticket whose title contains
 * {@code [close]}, Microsoft's second message closes it ({@code Closed}), even if the MSP wrote
 * nothing. Replies are produced when the simulator is next asked, from its clock: no threads.
 * <p>
 * Longer than most classes on purpose: tickets, their messages and due replies are one state under
 * one lock, as one Microsoft.Support account is; the async operations live in
 * {@link SimulatedOperations}, list paging in {@link ArmListPages} and Microsoft's words in
 * {@link MicrosoftReplies}.
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
    private static final Set<String> SEVERITIES = Set.of("minimal", "moderate", "critical", "highestcriticalimpact");
    private static final Map<String, Integer> SLA_MINUTES = Map.of("highestcriticalimpact", 60, "critical", 60, "moderate", 240, "minimal", 480);
    private static final List<String> REQUIRED = List.of("serviceId", "title", "description", "problemClassificationId", "severity",
            "contactDetails", "advancedDiagnosticConsent");
    private static final List<String> REQUIRED_CONTACT = List.of("firstName", "lastName", "preferredContactMethod", "primaryEmailAddress",
            "preferredTimeZone", "country", "preferredSupportLanguage");

    private final Duration replyDelay;
    private final int pageSize;
    private final Clock clock;
    private final Map<String, SupportTicket> tickets = new LinkedHashMap<>();
    private final SimulatedOperations operations;
    private int ticketCount;

    /** A ticket and what belongs to it: its communications and Microsoft's replies still to come. */
    private static final class SupportTicket {
        final Map<String, Object> json;
        final List<Map<String, Object>> communications = new ArrayList<>();
        final TreeSet<Instant> repliesDue = new TreeSet<>();
        String lastOutboundSubject;
        int microsoftMessages;

        SupportTicket(Map<String, Object> json) {
            this.json = json;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> props() {
            return (Map<String, Object>) json.get("properties");
        }

        String name() {
            return String.valueOf(json.get("name"));
        }
    }

    /** A ticket as the {@code /sandbox} page shows it: its ARM body and its communications, oldest first. */
    record TicketView(Map<String, Object> ticket, List<Map<String, Object>> communications) {
    }

    SimulatedSupport(Duration ticketDelay, Duration replyDelay, int pageSize, Clock clock) {
        this.operations = new SimulatedOperations(ticketDelay);
        this.replyDelay = replyDelay;
        this.pageSize = Math.max(1, pageSize);
        this.clock = clock;
    }

    /** Every ticket, newest first, with Microsoft's replies that are due. */
    synchronized List<TicketView> tickets() {
        catchUp();
        List<TicketView> views = new ArrayList<>();
        tickets.values().forEach(t -> views.add(0, new TicketView(copy(t.json), copy(t.communications))));
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
        catchUp();
        Matcher m;
        if ((m = CATALOG.matcher(path)).matches()) {
            return method == HttpMethod.GET ? catalog(path, m.group(1), m.group(2), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) : notAllowed(method);
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            return operations.status(m.group(2), now());
        }
        if ((m = CHECK_TICKET.matcher(path)).matches()) {
            String subscription = m.group(1);
            return checkName(method, body, "Microsoft.Support/supportTickets", name -> tickets.containsKey(ticketKey(subscription, name)));
        }
        if ((m = TICKETS.matcher(path)).matches()) {
            return method == HttpMethod.GET ? listTickets(m.group(1), request) : notAllowed(method);
        }
        if ((m = TICKET.matcher(path)).matches()) {
            return ticket(method, path, m.group(1), m.group(2), body);
        }
        boolean check = (m = CHECK_COMMUNICATION.matcher(path)).matches();
        if (check || (m = COMMUNICATIONS.matcher(path)).matches()) {
            SupportTicket ticket = tickets.get(ticketKey(m.group(1), m.group(2)));
            if (ticket == null) {
                return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Support ticket '" + m.group(2) + "' was not found.");
            }
            return check
                    ? checkName(method, body, "Microsoft.Support/communications",
                            name -> ticket.communications.stream().anyMatch(c -> name.equalsIgnoreCase(String.valueOf(c.get("name")))))
                    : communication(method, path, m.group(1), m.group(2), ticket, m.group(3), request, body);
        }
        return armError(HttpStatus.BAD_REQUEST, "InvalidResourceType", "The sandbox does not simulate " + method + " " + path);
    }

    private ResponseEntity<?> catalog(String path, String serviceName, String problemName, String acceptLanguage) {
        boolean japanese = SimulatedSupportCatalog.japanese(acceptLanguage);
        if (serviceName == null) {
            return ResponseEntity.ok(Map.of("value", SimulatedSupportCatalog.SERVICES.stream().map(s -> SimulatedSupportCatalog.json(s, japanese)).toList()));
        }
        Optional<SimulatedSupportCatalog.Service> service = SimulatedSupportCatalog.service(serviceName);
        if (service.isEmpty()) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Service '" + serviceName + "' was not found.");
        }
        if (!path.toLowerCase(Locale.ROOT).contains("/problemclassifications")) {
            return ResponseEntity.ok(SimulatedSupportCatalog.json(service.get(), japanese));
        }
        if (problemName == null) {
            return ResponseEntity.ok(Map.of("value", service.get().problems().stream()
                    .map(p -> SimulatedSupportCatalog.json(service.get(), p, japanese)).toList()));
        }
        return SimulatedSupportCatalog.problemOf(service.get(), problemName)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(SimulatedSupportCatalog.json(service.get(), p, japanese)))
                .orElseGet(() -> armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Problem classification '" + problemName + "' was not found."));
    }

    private static ResponseEntity<?> checkName(HttpMethod method, Map<String, Object> body, String type, java.util.function.Predicate<String> taken) {
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

    private ResponseEntity<?> ticket(HttpMethod method, String path, String subscription, String name, Map<String, Object> body) {
        SupportTicket ticket = tickets.get(ticketKey(subscription, name));
        if (method == HttpMethod.PUT) {
            return ticket != null ? ResponseEntity.ok(ticket.json) : create(path, subscription, name, body);
        }
        if (ticket == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Support ticket '" + name + "' was not found.");
        }
        if (method == HttpMethod.PATCH) {
            return update(ticket, body == null ? Map.of() : body);
        }
        return method == HttpMethod.GET ? ResponseEntity.ok(ticket.json) : notAllowed(method);
    }

    private ResponseEntity<?> create(String path, String subscription, String name, Map<String, Object> body) {
        Map<String, Object> props = new LinkedHashMap<>(asMap(body == null ? null : body.get("properties")));
        for (String required : REQUIRED) {
            if (props.get(required) == null) {
                return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'" + required + "' is required.");
            }
        }
        Map<String, Object> contact = asMap(props.get("contactDetails"));
        for (String required : REQUIRED_CONTACT) {
            if (contact.get(required) == null) {
                return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'contactDetails." + required + "' is required.");
            }
        }
        String severity = String.valueOf(props.get("severity")).toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'" + props.get("severity") + "' is not a valid severity.");
        }
        Instant now = now();
        String title = String.valueOf(props.get("title"));
        if (title.toLowerCase(Locale.ROOT).contains("[fail]")) {
            return operations.accept(subscription, now, "SupportPlanNotFound", "Unable to create the support ticket: no active support plan of subscription '"
                    + subscription + "' covers technical support for this service. Add a support plan or contact your partner.");
        }
        boolean japanese = SimulatedSupportCatalog.japanese(String.valueOf(contact.get("preferredSupportLanguage")));
        SimulatedSupportCatalog.serviceOf(props.get("serviceId")).ifPresent(service -> {
            props.put("serviceDisplayName", service.displayName().in(japanese));
            SimulatedSupportCatalog.problemOf(service, props.get("problemClassificationId"))
                    .ifPresent(problem -> props.put("problemClassificationDisplayName", problem.displayName().in(japanese)));
        });
        props.put("severity", severity);
        props.put("supportTicketId", DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC).format(now)
                + String.format("%010d", 10003100 + ++ticketCount));
        props.put("serviceLevelAgreement", Map.of("startTime", time(now),
                "expirationTime", time(now.plus(Duration.ofMinutes(SLA_MINUTES.get(severity)))), "slaMinutes", SLA_MINUTES.get(severity)));
        Map<String, Object> engineer = new LinkedHashMap<>();
        engineer.put("emailAddress", null);
        props.put("supportEngineer", engineer);
        props.put("supportPlanType", "Unified Enterprise");
        props.put("supportPlanDisplayName", "Unified Enterprise");
        props.put("status", "Open");
        props.put("createdDate", time(now));
        props.put("modifiedDate", time(now));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", path);
        json.put("name", name);
        json.put("type", "Microsoft.Support/supportTickets");
        json.put("properties", props);
        SupportTicket ticket = new SupportTicket(json);
        ticket.repliesDue.add(now.plus(replyDelay));
        tickets.put(ticketKey(subscription, name), ticket);
        return operations.accept(subscription, now, null, null);
    }

    private ResponseEntity<?> update(SupportTicket ticket, Map<String, Object> body) {
        Map<String, Object> props = ticket.props();
        Object severity = body.get("severity");
        if (severity != null && !SEVERITIES.contains(String.valueOf(severity).toLowerCase(Locale.ROOT))) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'" + severity + "' is not a valid severity.");
        }
        Object status = body.get("status");
        if (status != null && !Set.of("open", "closed").contains(String.valueOf(status).toLowerCase(Locale.ROOT))) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'" + status + "' is not a valid status: open or closed.");
        }
        if (severity != null) {
            props.put("severity", String.valueOf(severity).toLowerCase(Locale.ROOT));
        }
        if (status != null) {
            boolean closed = "closed".equalsIgnoreCase(String.valueOf(status));
            props.put("status", closed ? "Closed" : "Open");
            if (closed) {
                ticket.repliesDue.clear();
            }
        }
        for (String field : List.of("advancedDiagnosticConsent", "secondaryConsent")) {
            if (body.containsKey(field)) {
                props.put(field, body.get(field));
            }
        }
        if (body.get("contactDetails") != null) {
            Map<String, Object> contact = new LinkedHashMap<>(asMap(props.get("contactDetails")));
            contact.putAll(asMap(body.get("contactDetails")));
            props.put("contactDetails", contact);
        }
        props.put("modifiedDate", time(now()));
        return ResponseEntity.ok(ticket.json);
    }

    private ResponseEntity<?> listTickets(String subscription, HttpServletRequest request) {
        String prefix = ("/subscriptions/" + subscription + "/").toLowerCase(Locale.ROOT);
        List<Map<String, Object>> mine = new ArrayList<>();
        tickets.forEach((key, t) -> {
            if (key.startsWith(prefix)) {
                mine.add(0, t.json);
            }
        });
        return ArmListPages.page(mine, request, 25, 100, pageSize, Set.of("status", "createdDate", "serviceId", "problemClassificationId"));
    }

    private ResponseEntity<?> communication(HttpMethod method, String path, String subscription, String ticketName, SupportTicket ticket, String name,
                                            HttpServletRequest request, Map<String, Object> body) {
        if (name == null) {
            return method == HttpMethod.GET
                    ? ArmListPages.page(ticket.communications, request, 10, 10, pageSize, Set.of("createdDate", "communicationType"))
                    : notAllowed(method);
        }
        Optional<Map<String, Object>> existing = ticket.communications.stream()
                .filter(c -> name.equalsIgnoreCase(String.valueOf(c.get("name")))).findFirst();
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
        Instant now = now();
        String subject = String.valueOf(props.get("subject"));
        if (subject.toLowerCase(Locale.ROOT).contains("[fail]")) {
            return operations.accept(subscription, now, "CommunicationCreationFailed", "The communication could not be added to support ticket '"
                    + ticketName + "'. Please try again later.");
        }
        ticket.communications.add(communication(path, name, subject, String.valueOf(props.get("body")),
                props.get("sender") == null ? null : String.valueOf(props.get("sender")), "outbound", now));
        ticket.props().put("modifiedDate", time(now));
        if (!"Closed".equals(ticket.props().get("status"))) {
            ticket.props().put("status", "Updating");
            ticket.lastOutboundSubject = subject;
            ticket.repliesDue.add(now.plus(replyDelay));
        }
        return operations.accept(subscription, now, null, null);
    }

    /** Microsoft's messages that are due by now, each dated when it was due. */
    private void catchUp() {
        Instant now = now();
        for (SupportTicket ticket : tickets.values()) {
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
        ticket.communications.add(communication(String.valueOf(ticket.json.get("id")) + "/communications", UUID.randomUUID().toString(),
                reply.subject(), reply.body(), MicrosoftReplies.SENDER, "inbound", at));
        ticket.communications.sort(Comparator.comparing(c -> String.valueOf(asMap(c.get("properties")).get("createdDate"))));
        asMap(props.get("supportEngineer")).put("emailAddress", MicrosoftReplies.SENDER);
        props.put("modifiedDate", time(at));
        if (closes) {
            props.put("status", "Closed");
            ticket.repliesDue.clear();
        } else {
            props.put("status", "Open");
            if (ticket.microsoftMessages == 1 && String.valueOf(props.get("title")).toLowerCase(Locale.ROOT).contains("[close]") && ticket.repliesDue.isEmpty()) {
                ticket.repliesDue.add(at.plus(replyDelay));
            }
        }
    }

    private static String subjectToAnswer(SupportTicket ticket) {
        return ticket.lastOutboundSubject != null ? ticket.lastOutboundSubject : String.valueOf(ticket.props().get("title"));
    }

    private static Map<String, Object> communication(String parent, String name, String subject, String body, String sender,
                                                     String direction, Instant at) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("subject", subject);
        props.put("body", body);
        props.put("communicationType", "web");
        props.put("communicationDirection", direction);
        props.put("sender", sender);
        props.put("createdDate", time(at));
        Map<String, Object> communication = new LinkedHashMap<>();
        communication.put("id", (parent.endsWith("/communications") ? parent : parent.replaceFirst("/communications/[^/]+$", "/communications")) + "/" + name);
        communication.put("name", name);
        communication.put("type", "Microsoft.Support/communications");
        communication.put("properties", props);
        return communication;
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

    /** Ticket names are unique per subscription and case-insensitive, as ARM names are. */
    private static String ticketKey(String subscription, String name) {
        return ("/subscriptions/" + subscription + "/providers/Microsoft.Support/supportTickets/" + name).toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant();
    }

    /** ARM dates as the contracts show them: UTC, whole seconds. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ResponseEntity<?> notAllowed(HttpMethod method) {
        return armError(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", method + " is not allowed here");
    }
}
