package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;
import static io.opsflow.sandbox.ArmAnswers.automationError;
import static io.opsflow.sandbox.ArmAnswers.notAllowed;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A stateful Azure Resource Manager for sandbox mode under {@code /sandbox/azure}: Automation jobs
 * (New → Activating → Running → Completed after {@code opsflow.sandbox.job-step-delay} each; a
 * runbook named {@code Fail-*} fails, {@code Suspend-*} suspends; the diagnostic runbooks answer
 * with {@link SimulatedDiagnostics}), Microsoft.Support: catalog, tickets and communications, with
 * Microsoft's replies in Japanese ({@link SimulatedSupport}), resource groups and resources, and what the
 * monthly service figures read ({@link SimulatedMonitor}). Azure Monitor's configuration (action groups,
 * metric, log search and activity log alerts) is stored as any resource: a PUT is kept as sent with its id,
 * name and type (201, then 200) and a GET answers it, so the handover's apply finds on its second run
 * exactly what it wrote on the first and writes nothing. Shapes and error envelopes follow the documented
 * contracts.
 */
@RestController
@ConditionalOnSandbox
class ArmSimulator {

    static final String PREFIX = "/sandbox/azure";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final String ACCOUNT = "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Automation/automationAccounts/([^/]+)";
    private static final Pattern JOB = Pattern.compile(ACCOUNT + "/jobs/([^/]+)(/output|/streams(?:/([^/]+))?|/stop|/suspend|/resume)?", FLAGS);
    private static final Pattern SUBSCRIPTION = Pattern.compile("/subscriptions/([^/]+)", FLAGS);
    private static final Pattern RESOURCE_GROUP = Pattern.compile("/subscriptions/([^/]+)/resourceGroups/([^/]+)", FLAGS);
    private static final Pattern RESOURCE = Pattern.compile("/subscriptions/[^/]+/resourceGroups/[^/]+/providers/.+", FLAGS);

    private final SandboxProperties properties;
    private final Clock clock;
    private final Map<String, SimulatedJob> jobs = new ConcurrentHashMap<>();
    private final SimulatedSupport support;
    private final Map<String, Map<String, Object>> resources = new ConcurrentHashMap<>();
    private final SimulatedMonitor monitor;

    @Autowired
    ArmSimulator(SandboxProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, so that Microsoft's delayed replies can be tested without waiting. */
    ArmSimulator(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.support = new SimulatedSupport(properties.ticketDelay(), properties.supportReplyDelay(), properties.supportPageSize(), clock);
        this.monitor = new SimulatedMonitor(resources::values, clock::instant);
    }

    /** A resource that exists from the start, such as the demo customer's resource group and VMs. */
    void seed(String id, String location) {
        seed(id, location, Map.of());
    }

    /** A seeded resource with more properties than its provisioning state, such as a VM's {@code storageProfile}. */
    void seed(String id, String location, Map<String, Object> properties) {
        String[] segments = id.split("/");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", id);
        resource.put("name", segments[segments.length - 1]);
        resource.put("type", segments.length <= 5 ? "Microsoft.Resources/resourceGroups" : type(segments));
        resource.put("location", location);
        Map<String, Object> props = new LinkedHashMap<>(properties);
        props.put("provisioningState", "Succeeded");
        resource.put("properties", props);
        resources.put(id.toLowerCase(Locale.ROOT), resource);
    }

    /** {@code Microsoft.Sql/servers/databases} from the segments after {@code providers}. */
    private static String type(String[] segments) {
        StringBuilder type = new StringBuilder(segments[6]);
        for (int i = 7; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
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
        if (SimulatedSupport.ANY.matcher(path).find()) {
            return support.handle(method, path, request, body);
        }
        if (SimulatedMonitor.ANY.matcher(path).find()) {
            return monitor.handle(method, path, request, body);
        }
        if ((m = SUBSCRIPTION.matcher(path)).matches() && method == HttpMethod.GET) {
            return ResponseEntity.ok(ArmAnswers.subscription(m.group(1)));
        }
        if (ArmAnswers.LIGHTHOUSE.matcher(path).matches()) {
            return lighthouse(method, path, request, body);
        }
        if (RESOURCE_GROUP.matcher(path).matches() || RESOURCE.matcher(path).matches()) {
            return resource(method, path, body);
        }
        return armError(HttpStatus.BAD_REQUEST, "InvalidResourceType", "The sandbox does not simulate " + method + " " + path);
    }

    List<SimulatedJob> jobs() {
        return jobs.values().stream().sorted((a, b) -> b.created().compareTo(a.created())).toList();
    }

    SimulatedSupport support() {
        return support;
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
        return notAllowed(method);
    }

    private ResponseEntity<?> createJob(String key, String name, String path, Map<String, Object> body) {
        Map<String, Object> props = body == null ? Map.of() : asMap(body.get("properties"));
        String runbook = String.valueOf(asMap(props.get("runbook")).getOrDefault("name", ""));
        if (runbook.isBlank()) {
            return automationError(HttpStatus.BAD_REQUEST, "BadRequest", "properties.runbook.name is required.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        asMap(props.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        String target = parameters.getOrDefault("TargetResource", "");
        String output = SimulatedDiagnostics.answers(runbook) ? SimulatedDiagnostics.output(runbook, target,
                resources.getOrDefault(target.toLowerCase(Locale.ROOT), Map.of()), clock.instant()) : null;
        SimulatedJob job = new SimulatedJob(path, name, UUID.randomUUID().toString(), runbook, parameters, clock.instant(),
                properties.jobStepDelay(), output);
        jobs.put(key, job);
        return ResponseEntity.status(HttpStatus.CREATED).body(job.json(clock.instant()));
    }

    private ResponseEntity<?> lighthouse(HttpMethod method, String path, HttpServletRequest request, Map<String, Object> body) {
        if (method == HttpMethod.PUT) {
            return resource(method, path, ArmAnswers.provisioned(path, body));
        }
        ResponseEntity<?> answer = resource(method, path, body);
        if (method == HttpMethod.GET && answer.getStatusCode().is2xxSuccessful()
                && "true".equalsIgnoreCase(request.getParameter("$expandRegistrationDefinition"))) {
            return ResponseEntity.ok(ArmAnswers.expanded(asMap(answer.getBody()), id -> resources.get(id.toLowerCase(Locale.ROOT))));
        }
        return answer;
    }

    private ResponseEntity<?> resource(HttpMethod method, String path, Map<String, Object> body) {
        String key = path.toLowerCase(Locale.ROOT);
        if (method == HttpMethod.PUT) {
            Map<String, Object> resource = new LinkedHashMap<>(body == null ? Map.of() : body);
            String[] segments = path.split("/");
            resource.put("id", path);
            resource.put("name", segments[segments.length - 1]);
            if (RESOURCE.matcher(path).matches()) {
                resource.putIfAbsent("type", type(segments));
            }
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

}
