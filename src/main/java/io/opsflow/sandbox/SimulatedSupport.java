package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Microsoft.Support as the sandbox's ARM answers it: tickets created with 202 + Azure-AsyncOperation
 * (the operation succeeds after {@code opsflow.sandbox.ticket-delay}), PATCHed status, and
 * communications; required properties as the Support API documents them.
 */
final class SimulatedSupport {

    private final Duration ticketDelay;
    private final Clock clock;
    private final Map<String, Map<String, Object>> tickets = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> communications = new ConcurrentHashMap<>();
    private final Map<String, Instant> operations = new ConcurrentHashMap<>();

    SimulatedSupport(Duration ticketDelay, Clock clock) {
        this.ticketDelay = ticketDelay;
        this.clock = clock;
    }

    List<Map<String, Object>> tickets() {
        return List.copyOf(tickets.values());
    }

    List<Map<String, Object>> communicationsOf(String ticketName) {
        return List.copyOf(communications.getOrDefault(ticketName.toLowerCase(Locale.ROOT), List.of()));
    }

    ResponseEntity<?> ticket(HttpMethod method, String path, String subscription, String name, Map<String, Object> body) {
        String key = name.toLowerCase(Locale.ROOT);
        if (method == HttpMethod.PUT) {
            if (tickets.containsKey(key)) {
                return ResponseEntity.ok(tickets.get(key));
            }
            Map<String, Object> props = new LinkedHashMap<>(asMap(body == null ? null : body.get("properties")));
            for (String required : List.of("serviceId", "title", "description", "problemClassificationId", "severity", "contactDetails")) {
                if (props.get(required) == null) {
                    return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'" + required + "' is required.");
                }
            }
            props.put("supportTicketId", String.valueOf(2611240000000000L + tickets.size()));
            props.put("status", "Open");
            props.put("createdDate", clock.instant().toString());
            props.put("modifiedDate", clock.instant().toString());
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("id", path);
            ticket.put("name", name);
            ticket.put("type", "Microsoft.Support/supportTickets");
            ticket.put("properties", props);
            tickets.put(key, ticket);
            String operationId = UUID.randomUUID().toString();
            operations.put(operationId, clock.instant().plus(ticketDelay));
            String status = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(ArmSimulator.PREFIX + "/subscriptions/{s}/providers/Microsoft.Support/operationsStatus/{id}")
                    .queryParam("api-version", "2024-04-01").buildAndExpand(subscription, operationId).toUriString();
            return ResponseEntity.accepted().header("Azure-AsyncOperation", status).header(HttpHeaders.LOCATION, status)
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        Map<String, Object> ticket = tickets.get(key);
        if (ticket == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Support ticket '" + name + "' was not found.");
        }
        if (method == HttpMethod.PATCH && body != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) ticket.get("properties");
            body.forEach((k, v) -> props.put(k, "status".equals(k) ? capitalize(String.valueOf(v)) : v));
            props.put("modifiedDate", clock.instant().toString());
        }
        return ResponseEntity.ok(ticket);
    }

    ResponseEntity<?> communication(HttpMethod method, String ticketName, String name, Map<String, Object> body) {
        String key = ticketName.toLowerCase(Locale.ROOT);
        if (!tickets.containsKey(key)) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Support ticket '" + ticketName + "' was not found.");
        }
        List<Map<String, Object>> list = communications.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        if (name == null) {
            return ResponseEntity.ok(Map.of("value", list));
        }
        Optional<Map<String, Object>> existing = list.stream().filter(c -> name.equalsIgnoreCase(String.valueOf(c.get("name")))).findFirst();
        if (method == HttpMethod.PUT && existing.isEmpty()) {
            Map<String, Object> props = new LinkedHashMap<>(asMap(body == null ? null : body.get("properties")));
            if (props.get("subject") == null || props.get("body") == null) {
                return armError(HttpStatus.BAD_REQUEST, "BadArgument", "'subject' and 'body' are required.");
            }
            props.put("communicationType", "web");
            props.put("communicationDirection", "outbound");
            props.put("createdDate", clock.instant().toString());
            Map<String, Object> communication = new LinkedHashMap<>();
            communication.put("id", ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath());
            communication.put("name", name);
            communication.put("type", "Microsoft.Support/communications");
            communication.put("properties", props);
            list.add(communication);
            return ResponseEntity.ok(communication);
        }
        return existing.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Communication '" + name + "' was not found."));
    }

    ResponseEntity<?> operation(String id) {
        Instant done = operations.get(id);
        if (done == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Operation '" + id + "' was not found.");
        }
        String status = clock.instant().isBefore(done) ? "InProgress" : "Succeeded";
        return ResponseEntity.ok(Map.of("id", id, "name", id, "status", status, "startTime", done.minus(ticketDelay).toString()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
