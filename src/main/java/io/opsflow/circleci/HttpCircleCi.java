package io.opsflow.circleci;

import static io.opsflow.circleci.CircleCiApi.query;
import static io.opsflow.circleci.CircleCiApi.segment;
import static io.opsflow.circleci.CircleCiApi.slug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.outbound.OutboundClient;

/**
 * {@link CircleCi} over API v2. Beyond the trigger, pipeline and workflow calls of the contract it uses
 * {@code GET /project/{slug}/pipeline?branch=}, {@code GET /workflow/{id}} and {@code /workflow/{id}/job},
 * {@code POST /workflow/{id}/approve/{approval_request_id}} and {@code POST /workflow/{id}/rerun} with
 * {@code from_failed} (CircleCI's API v2 reference). States and statuses become the ports' enums; one
 * opsflow does not know fails the call, naming it, rather than being read as something else.
 */
public final class HttpCircleCi implements CircleCi {

    // A push's (or a trigger's) pipeline is among the newest of its branch: two pages (about forty) are plenty.
    private static final int REVISION_PAGES = 2;
    private static final int ALL_PAGES = 50;

    private final CircleCiApi api;
    private final String appUrl;

    /** The adapter over {@code outbound} and {@code endpoint}: what {@code CircleCiConfiguration} wires, usable outside Spring. */
    public static HttpCircleCi of(OutboundClient outbound, CircleCiEndpoint endpoint, CircleCiProperties properties) {
        return new HttpCircleCi(new CircleCiApi(outbound, endpoint), properties.appUrl());
    }

    HttpCircleCi(CircleCiApi api, String appUrl) {
        this.api = api;
        this.appUrl = appUrl.replaceAll("/+$", "");
    }

    @Override
    public Pipeline trigger(String projectSlug, String branch, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", branch);
        body.put("parameters", parameters);
        JsonNode created = api.call(HttpMethod.POST, "/project/" + slug(projectSlug) + "/pipeline", body);
        return pipeline(created);
    }

    @Override
    public Optional<Pipeline> pipelineForRevision(String projectSlug, String branch, String revision) {
        return api.items("/project/" + slug(projectSlug) + "/pipeline", query("branch", branch), REVISION_PAGES).stream()
                .filter(p -> revision.equals(p.path("vcs").path("revision").asText()))
                .findFirst().map(HttpCircleCi::pipeline);
    }

    @Override
    public Optional<Pipeline> pipelineTriggeredWith(String projectSlug, String branch, String parameter, String value) {
        return api.items("/project/" + slug(projectSlug) + "/pipeline", query("branch", branch), REVISION_PAGES).stream()
                .filter(p -> value.equals(p.path("trigger_parameters").path(parameter).asText(null)))
                .findFirst().map(HttpCircleCi::pipeline);
    }

    @Override
    public Pipeline pipeline(String pipelineId) {
        return pipeline(api.call(HttpMethod.GET, "/pipeline/" + segment(pipelineId), null));
    }

    @Override
    public List<Workflow> workflows(String pipelineId) {
        return api.items("/pipeline/" + segment(pipelineId) + "/workflow", "", ALL_PAGES).stream().map(this::workflow).toList();
    }

    /** Reads the workflow too: a job's page is addressed by the pipeline number, which the job list lacks. */
    @Override
    public List<Job> jobs(String workflowId) {
        Workflow workflow = workflow(api.call(HttpMethod.GET, "/workflow/" + segment(workflowId), null));
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : api.items("/workflow/" + segment(workflowId) + "/job", "", ALL_PAGES)) {
            Job.Type type = parse(Job.Type.class, job.path("type").asText(), "job type");
            Integer number = job.hasNonNull("job_number") ? job.path("job_number").asInt() : null;
            jobs.add(new Job(job.path("id").asText(), job.path("name").asText(), type, job.path("status").asText(), number,
                    job.hasNonNull("approval_request_id") ? job.path("approval_request_id").asText() : null,
                    number == null ? null : workflow.url() + "/jobs/" + number));
        }
        return jobs;
    }

    @Override
    public void approve(String workflowId, String approvalRequestId) {
        api.call(HttpMethod.POST, "/workflow/" + segment(workflowId) + "/approve/" + segment(approvalRequestId), null);
    }

    @Override
    public void rerunFromFailed(String workflowId) {
        api.call(HttpMethod.POST, "/workflow/" + segment(workflowId) + "/rerun", Map.of("from_failed", true));
    }

    private static Pipeline pipeline(JsonNode pipeline) {
        List<String> errors = new ArrayList<>();
        pipeline.path("errors").forEach(e -> errors.add(e.path("type").asText() + ": " + e.path("message").asText()));
        String revision = pipeline.path("vcs").path("revision").asText(null);
        return new Pipeline(pipeline.path("id").asText(), pipeline.path("number").asInt(),
                parse(Pipeline.State.class, pipeline.path("state").asText(), "pipeline state"), revision, List.copyOf(errors));
    }

    private Workflow workflow(JsonNode workflow) {
        String slug = workflow.path("project_slug").asText();
        int number = workflow.path("pipeline_number").asInt();
        String id = workflow.path("id").asText();
        return new Workflow(id, workflow.path("name").asText(),
                parse(Workflow.Status.class, workflow.path("status").asText(), "workflow status"),
                workflow.path("pipeline_id").asText(), number, slug,
                appUrl + "/pipelines/" + appSlug(slug) + "/" + number + "/workflows/" + id);
    }

    /** The app spells the VCS out where the API abbreviates it: {@code gh/org/repo} → {@code github/org/repo}. */
    static String appSlug(String projectSlug) {
        if (projectSlug.startsWith("gh/")) {
            return "github/" + projectSlug.substring(3);
        }
        return projectSlug.startsWith("bb/") ? "bitbucket/" + projectSlug.substring(3) : projectSlug;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CircleCiException("CircleCI answered an unknown " + what + " '" + value + "'", 200, true, e);
        }
    }
}
