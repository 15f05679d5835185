package io.opsflow.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.sandbox.SimulatedCircleCiPipeline.Run;
import io.opsflow.sandbox.SimulatedGitHubRepository.Commit;
import jakarta.servlet.http.HttpServletRequest;

/**
 * CircleCI's API v2 for sandbox mode under {@code /sandbox/circleci/api/v2}: a push to {@code production} in the
 * {@link SimulatedGitHub} (or a trigger through the API) starts a pipeline whose {@code deploy} workflow runs
 * {@link SimulatedCircleCiDeployment} after {@code opsflow.sandbox.circleci-run-delay}; approve and re-run as the API does.
 */
@RestController
@ConditionalOnSandbox
class SimulatedCircleCi {

    static final String PREFIX = "/sandbox/circleci/api/v2";
    static final String DEPLOYED_BRANCH = "production";
    private static final Pattern PROJECT = Pattern.compile("/project/(.+)/pipeline");
    private static final Pattern PIPELINE = Pattern.compile("/pipeline/([^/]+)(/workflow)?");
    private static final Pattern WORKFLOW = Pattern.compile("/workflow/([^/]+)(/job|/rerun|/approve/([^/]+))?");

    private final List<SimulatedCircleCiPipeline> pipelines = new CopyOnWriteArrayList<>();
    private final Map<String, Commit> heads = new ConcurrentHashMap<>();
    private final AtomicInteger jobNumbers = new AtomicInteger(100);
    private final ArmSimulator arm;
    private final SandboxProperties properties;
    private final Clock clock;

    @Autowired
    SimulatedCircleCi(ArmSimulator arm, SandboxProperties properties) {
        this(arm, properties, Clock.systemUTC());
    }

    SimulatedCircleCi(ArmSimulator arm, SandboxProperties properties, Clock clock) {
        this.arm = arm;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new commit on a branch of {@code fullName}; on {@code production} it starts the deployment. */
    void pushed(String fullName, String branch, Commit commit) {
        String slug = "gh/" + fullName;
        heads.put(slug + " " + branch, commit);
        if (DEPLOYED_BRANCH.equals(branch)) {
            start(slug, branch, commit, "webhook", Map.of());
        }
    }

    private synchronized SimulatedCircleCiPipeline start(String slug, String branch, Commit commit, String trigger,
                                                         Map<String, Object> parameters) {
        int number = (int) pipelines.stream().filter(p -> p.slug.equals(slug)).count() + 1;
        SimulatedCircleCiPipeline pipeline = new SimulatedCircleCiPipeline(slug, number, branch, commit, trigger, clock.instant(), parameters);
        pipeline.start(jobNumbers.incrementAndGet(), SimulatedCircleCiDeployment.requiresApproval(commit), clock.instant());
        pipelines.add(pipeline);
        return pipeline;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Map<String, Object> body) {
        return body != null && body.get("parameters") instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
    }

    @RequestMapping(PREFIX + "/**")
    ResponseEntity<?> handle(HttpServletRequest request, @RequestHeader(value = "Circle-Token", required = false) String token,
                             @RequestParam Map<String, String> query, @RequestBody(required = false) Map<String, Object> body) {
        if (token == null || token.isBlank()) {
            return error(HttpStatus.UNAUTHORIZED, "You must log in first.");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Instant now = clock.instant();
        Matcher m;
        if ((m = PROJECT.matcher(path)).matches()) {
            String slug = m.group(1);
            if (method == HttpMethod.POST) {
                String branch = body == null ? "" : String.valueOf(body.getOrDefault("branch", ""));
                Commit head = heads.get(slug + " " + branch);
                return head == null ? error(HttpStatus.BAD_REQUEST, "Branch not found")
                        : ResponseEntity.status(HttpStatus.CREATED).body(created(start(slug, branch, head, "api", parameters(body))));
            }
            List<SimulatedCircleCiPipeline> newestFirst = new ArrayList<>(pipelines);
            Collections.reverse(newestFirst);
            return ResponseEntity.ok(page(newestFirst.stream().filter(p -> p.slug.equals(slug))
                    .filter(p -> !query.containsKey("branch") || p.branch.equals(query.get("branch")))
                    .map(SimulatedCircleCiPipeline::json).toList()));
        }
        if ((m = PIPELINE.matcher(path)).matches() && method == HttpMethod.GET) {
            String id = m.group(1);
            Optional<SimulatedCircleCiPipeline> pipeline = pipelines.stream().filter(p -> p.id.equals(id)).findFirst();
            if (pipeline.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "Pipeline not found");
            }
            return ResponseEntity.ok(m.group(2) == null ? pipeline.get().json()
                    : page(runs(pipeline.get(), now).stream().map(pipeline.get()::json).toList()));
        }
        if ((m = WORKFLOW.matcher(path)).matches()) {
            return workflow(method, m, now);
        }
        return error(HttpStatus.NOT_FOUND, "Not found");
    }

    private ResponseEntity<?> workflow(HttpMethod method, Matcher m, Instant now) {
        String id = m.group(1);
        for (SimulatedCircleCiPipeline pipeline : pipelines) {
            for (Run run : runs(pipeline, now)) {
                if (!run.id.equals(id)) {
                    continue;
                }
                String action = m.group(2) == null ? "" : m.group(2);
                if (action.isEmpty() && method == HttpMethod.GET) {
                    return ResponseEntity.ok(pipeline.json(run));
                }
                if (action.equals("/job") && method == HttpMethod.GET) {
                    return ResponseEntity.ok(page(pipeline.jobs(run)));
                }
                if (action.startsWith("/approve/") && method == HttpMethod.POST) {
                    return pipeline.approve(run, m.group(3), now) ? ResponseEntity.accepted().body(Map.of("message", "Accepted."))
                            : error(HttpStatus.BAD_REQUEST, "Job is not pending approval.");
                }
                if (action.equals("/rerun") && method == HttpMethod.POST) {
                    if (!"failed".equals(run.status)) {
                        return error(HttpStatus.BAD_REQUEST, "Workflow has not failed.");
                    }
                    Run again = pipeline.start(jobNumbers.incrementAndGet(), false, now);
                    return ResponseEntity.accepted().body(Map.of("workflow_id", again.id));
                }
                return error(HttpStatus.METHOD_NOT_ALLOWED, method + " is not allowed here");
            }
        }
        return error(HttpStatus.NOT_FOUND, "Workflow not found");
    }

    private List<Run> runs(SimulatedCircleCiPipeline pipeline, Instant now) {
        return pipeline.runs(now, properties.circleciRunDelay(), revision -> SimulatedCircleCiDeployment.deploy(revision, arm));
    }

    private static Map<String, Object> created(SimulatedCircleCiPipeline pipeline) {
        return Map.of("id", pipeline.id, "number", pipeline.number, "state", "created", "created_at", pipeline.created.toString());
    }

    /** The simulator's lists fit one page: {@code next_page_token} null, as CircleCI ends a list. */
    private static Map<String, Object> page(List<?> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next_page_token", null);
        return page;
    }

    private static ResponseEntity<?> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
