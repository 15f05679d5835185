package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;
import static io.opsflow.sandbox.ArmAnswers.notAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The support tickets of the simulated account and their ARM answers: create as a 202 operation (a
 * title containing {@code [fail]} ends {@code Failed} with no ticket), {@code GET}, {@code PATCH} and
 * the list. Used under {@link SimulatedSupport}'s lock.
 */
final class SimulatedTickets {

    private static final Set<String> SEVERITIES = Set.of("minimal", "moderate", "critical", "highestcriticalimpact");
    private static final Map<String, Integer> SLA_MINUTES = Map.of("highestcriticalimpact", 60, "critical", 60, "moderate", 240, "minimal", 480);
    private static final List<String> REQUIRED = List.of("serviceId", "title", "description", "problemClassificationId", "severity",
            "contactDetails", "advancedDiagnosticConsent");
    private static final List<String> REQUIRED_CONTACT = List.of("firstName", "lastName", "preferredContactMethod", "primaryEmailAddress",
            "preferredTimeZone", "country", "preferredSupportLanguage");

    private final Map<String, SupportTicket> tickets = new LinkedHashMap<>();
    private final SimulatedOperations operations;
    private final DueReplies replies;
    private final int pageSize;
    private final Clock clock;
    private int ticketCount;

    SimulatedTickets(SimulatedOperations operations, DueReplies replies, int pageSize, Clock clock) {
        this.operations = operations;
        this.replies = replies;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /** Every ticket, oldest first. */
    Collection<SupportTicket> all() {
        return tickets.values();
    }

    /** The ticket, or {@code null}: names are unique per subscription and case-insensitive, as ARM names are. */
    SupportTicket find(String subscription, String name) {
        return tickets.get(key(subscription, name));
    }

    ResponseEntity<?> answer(HttpMethod method, String path, String subscription, String name, Map<String, Object> body) {
        SupportTicket ticket = find(subscription, name);
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

    /** The subscription's tickets, newest first, filtered and paged as ARM lists are. */
    ResponseEntity<?> list(String subscription, HttpServletRequest request) {
        String prefix = ("/subscriptions/" + subscription + "/").toLowerCase(Locale.ROOT);
        List<Map<String, Object>> mine = new ArrayList<>();
        tickets.forEach((key, t) -> {
            if (key.startsWith(prefix)) {
                mine.add(0, t.json);
            }
        });
        return ArmListPages.page(mine, request, 25, 100, pageSize, Set.of("status", "createdDate", "serviceId", "problemClassificationId"));
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
        Instant now = clock.instant();
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
        props.put("serviceLevelAgreement", Map.of("startTime", SimulatedSupport.time(now),
                "expirationTime", SimulatedSupport.time(now.plus(Duration.ofMinutes(SLA_MINUTES.get(severity)))), "slaMinutes", SLA_MINUTES.get(severity)));
        Map<String, Object> engineer = new LinkedHashMap<>();
        engineer.put("emailAddress", null);
        props.put("supportEngineer", engineer);
        props.put("supportPlanType", "Unified Enterprise");
        props.put("supportPlanDisplayName", "Unified Enterprise");
        props.put("status", "Open");
        props.put("createdDate", SimulatedSupport.time(now));
        props.put("modifiedDate", SimulatedSupport.time(now));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", path);
        json.put("name", name);
        json.put("type", "Microsoft.Support/supportTickets");
        json.put("properties", props);
        SupportTicket ticket = new SupportTicket(json);
        replies.expect(ticket, now);
        tickets.put(key(subscription, name), ticket);
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
        props.put("modifiedDate", SimulatedSupport.time(clock.instant()));
        return ResponseEntity.ok(ticket.json);
    }

    private static String key(String subscription, String name) {
        return ("/subscriptions/" + subscription + "/providers/Microsoft.Support/supportTickets/" + name).toLowerCase(Locale.ROOT);
    }
}
