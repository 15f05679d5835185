package io.opsflow.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A stateful Azure Resource Manager for sandbox mode under {@code /sandbox/azure}: Automation jobs
 * (New → Activating → Running → Completed after {@code opsflow.sandbox.job-step-delay} each; a
 * runbook named {@code Fail-*} fails, {@code Suspend-*} suspends), Support tickets and
 * communications (202 + Azure-AsyncOperation), Monitor alert rules and action groups, resource
 * groups and resources. Shapes and error envelopes follow the documented contracts.
 */
@RestController
@ConditionalOnSandbox
class ArmSimulator {

    static final String PREFIX = "/sandbox/azure";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final String ACCOUNT = "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Automation/automationAccounts/([^/]+)";
    private static final Pattern JOB = Pattern.compile(ACCOUNT + "/jobs/([^/]+)(/output|/streams(?:/([^/]+))?|/stop|/suspend|/resume)?", FLAGS);
    private static final Pattern TICKET = Pattern.compile("/subscriptions/([^/]+)/providers/Microsoft\\.Support/supportTickets/([^/]+)", FLAGS);
    private static final Pattern COMMUNICATIONS = Pattern.compile(TICKET.pattern() + "/communications(?:/([^/]+))?", FLAGS);
    private static final Pattern OPERATION = Pattern.compile("/subscriptions/[^/]+/providers/Microsoft\\.Support/operationsStatus/([^/]+)", FLAGS);
    private static final Pattern RESOURCE_GROUP = Pattern.compile("/subscriptions/([^/]+)/resourceGroups/([^/]+)", FLAGS);
    private static final Pattern RESOURCE = Pattern.compile("/subscriptions/[^/]+/resourceGroups/[^/]+/providers/.+", FLAGS);

    private final SandboxProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SimulatedJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> tickets = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> communications = new ConcurrentHashMap<>();
    private final Map<String, Instant> operations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> resources = new ConcurrentHashMap<>();

    ArmSimulator(SandboxProperties properties) {
        this.properties = properties;
    }

    /** A resource that exists from the start, such as the demo customer's resource group and VMs. */
    void seed(String id, String location) {
        String[] segments = id.split("/");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", id);
        resource.put("name", segments[segments.length - 1]);
        resource.put("type", segments.length <= 5 ? "Microsoft.Resources/resourceGroups" : segments[segments.length - 3] + "/" + segments[segments.length - 2]);
        resource.put("location", location);
        resource.put("properties", Map.of("provisioningState", "Succeeded"));
        resources.put(id.toLowerCase(Locale.ROOT), resource);
    }

    @RequestMapping(PREFIX + "/**")
    ResponseEntity<?> handle(HttpServletRequest request, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                             @RequestBody(required = false) Map<String, Object> body) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return armError(HttpStatus.UNAUTHORIZED, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length()).replaceAll("/{2,}", "/");
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Matcher m;
        if ((m = JOB.matcher(path)).matches()) {
            return job(method, path, m, body);
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            return operation(m.group(1));
        }
        if ((m = COMMUNICATIONS.matcher(path)).matches()) {
            return communication(method, m.group(2), m.group(3), body);
        }
        if ((m = TICKET.matcher(path)).matches()) {
            return ticket(method, path, m.group(1), m.group(2), body);
        }
        if (RESOURCE_GROUP.matcher(path).matches() || RESOURCE.matcher(path).matches()) {
            return resource(method, path, body);
        }
        return armError(HttpStatus.BAD_REQUEST, "InvalidResourceType", "The sandbox does not simulate " + method + " " + path);
    }

    List<SimulatedJob> jobs() {
        return jobs.values().stream().sorted((a, b) -> b.created().compareTo(a.created())).toList();
    }

    List<Map<String, Object>> tickets() {
        return List.copyOf(tickets.values());
    }

    List<Map<String, Object>> communicationsOf(String ticketName) {
        return List.copyOf(communications.getOrDefault(ticketName.toLowerCase(Locale.ROOT), List.of()));
    }

    private ResponseEntity<?> job(HttpMethod method, String path, Matcher m, Map<String, Object> body) {
        String action = m.group(5);
        String key = path.substring(0, action == null ? path.length() : path.length() - action.length()).toLowerCase(Locale.ROOT);
        SimulatedJob job = jobs.get(key);
        if (action == null && method == HttpMethod.PUT) {
            if (job != null) {
                return automationError(HttpStatus.CONFLICT, "Conflict", "A job with the name '" + m.group(4) + "' already exists.");
            }
            return createJob(key, m.group(4), path, body);
        }
        if (job == null) {
            return automationError(HttpStatus.NOT_FOUND, "NotFound", "The job '" + m.group(4) + "' was not found.");
        }
        if (action == null && method == HttpMethod.GET) {
            return ResponseEntity.ok(job.json(clock.instant()));
        }
        if ("/output".equalsIgnoreCase(action) && method == HttpMethod.GET) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(job.output(clock.instant()));
        }
        if ("/streams".equalsIgnoreCase(action) && method == HttpMethod.GET) {
            return ResponseEntity.ok(Map.of("value", job.streams(clock.instant())));
        }
        if (m.group(6) != null && method == HttpMethod.GET) {
            String streamId = java.net.URLDecoder.decode(m.group(6), java.nio.charset.StandardCharsets.UTF_8);
            return job.streams(clock.instant()).stream()
                    .filter(st -> streamId.equals(((Map<?, ?>) st.get("properties")).get("jobStreamId"))).findFirst()
                    .<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> automationError(HttpStatus.NOT_FOUND, "NotFound", "The job stream '" + streamId + "' was not found."));
        }
        if (method == HttpMethod.POST && action != null && List.of("/stop", "/suspend", "/resume").contains(action.toLowerCase(Locale.ROOT))) {
            job.act(action.substring(1).toLowerCase(Locale.ROOT), clock.instant());
            return ResponseEntity.ok().build();
        }
        return armError(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", method + " is not allowed here");
    }

    private ResponseEntity<?> createJob(String key, String name, String path, Map<String, Object> body) {
        Map<String, Object> props = body == null ? Map.of() : asMap(body.get("properties"));
        String runbook = String.valueOf(asMap(props.get("runbook")).getOrDefault("name", ""));
        if (runbook.isBlank()) {
            return automationError(HttpStatus.BAD_REQUEST, "BadRequest", "properties.runbook.name is required.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        asMap(props.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        SimulatedJob job = new SimulatedJob(path, name, UUID.randomUUID().toString(), runbook, parameters, clock.instant(),
                properties.jobStepDelay());
        jobs.put(key, job);
        return ResponseEntity.status(HttpStatus.CREATED).body(job.json(clock.instant()));
    }

    private ResponseEntity<?> ticket(HttpMethod method, String path, String subscription, String name, Map<String, Object> body) {
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
            operations.put(operationId, clock.instant().plus(properties.ticketDelay()));
            String status = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(PREFIX + "/subscriptions/{s}/providers/Microsoft.Support/operationsStatus/{id}")
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

    private ResponseEntity<?> communication(HttpMethod method, String ticketName, String name, Map<String, Object> body) {
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

    private ResponseEntity<?> operation(String id) {
        Instant done = operations.get(id);
        if (done == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Operation '" + id + "' was not found.");
        }
        String status = clock.instant().isBefore(done) ? "InProgress" : "Succeeded";
        return ResponseEntity.ok(Map.of("id", id, "name", id, "status", status, "startTime", done.minus(properties.ticketDelay()).toString()));
    }

    private ResponseEntity<?> resource(HttpMethod method, String path, Map<String, Object> body) {
        String key = path.toLowerCase(Locale.ROOT);
        if (method == HttpMethod.PUT) {
            Map<String, Object> resource = new LinkedHashMap<>(body == null ? Map.of() : body);
            String[] segments = path.split("/");
            resource.put("id", path);
            resource.put("name", segments[segments.length - 1]);
            boolean created = resources.put(key, resource) == null;
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(resource);
        }
        Map<String, Object> resource = resources.get(key);
        if (resource == null) {
            boolean group = RESOURCE_GROUP.matcher(path).matches();
            return armError(HttpStatus.NOT_FOUND, group ? "ResourceGroupNotFound" : "ResourceNotFound",
                    group ? "Resource group '" + path.substring(path.lastIndexOf('/') + 1) + "' could not be found."
                            : "The Resource '" + path + "' was not found.");
        }
        if (method == HttpMethod.HEAD) {
            return ResponseEntity.noContent().build();
        }
        if (method == HttpMethod.DELETE) {
            resources.remove(key);
            return ResponseEntity.ok().build();
        }
        return ResponseEntity.ok(resource);
    }

    private static ResponseEntity<?> armError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("code", code, "message", message)));
    }

    /** Automation's own operations answer with a flat error body. */
    private static ResponseEntity<?> automationError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "message", message));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
