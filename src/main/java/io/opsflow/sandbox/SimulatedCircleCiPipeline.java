package io.opsflow.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.opsflow.sandbox.SimulatedGitHubRepository.Commit;

/**
 * One pipeline of the CircleCI simulator: the revision it was started for and its {@code deploy} workflows
 * (a re-run adds one). A workflow runs for the configured delay, waits {@code on_hold} for its approval job
 * when the revision's {@code opsflow.json} asks for one, runs again, then deploys: {@code deploy} returns
 * null on success or the reason it failed. Time moves on each read; nothing runs in the background.
 */
final class SimulatedCircleCiPipeline {

    final String id = UUID.randomUUID().toString();
    final String slug;
    final int number;
    final String branch;
    final Commit revision;
    final String trigger;
    final Instant created;
    /** The parameters of an API trigger, as CircleCI shows them back in {@code trigger_parameters}. */
    final Map<String, Object> parameters;
    private final List<Run> runs = new ArrayList<>();

    SimulatedCircleCiPipeline(String slug, int number, String branch, Commit revision, String trigger, Instant created,
                              Map<String, Object> parameters) {
        this.slug = slug;
        this.number = number;
        this.branch = branch;
        this.revision = revision;
        this.trigger = trigger;
        this.created = created;
        this.parameters = Map.copyOf(parameters);
    }

    /** One workflow run: {@code deployNumber} is the job number of its {@code deploy} job. */
    static final class Run {
        final String id = UUID.randomUUID().toString();
        final String holdId = UUID.randomUUID().toString();
        final String deployId = UUID.randomUUID().toString();
        final int deployNumber;
        final boolean approval;
        Instant since;
        String status = "running";
        boolean approved;
        String failure;
        Instant stopped;

        Run(int deployNumber, boolean approval, Instant since) {
            this.deployNumber = deployNumber;
            this.approval = approval;
            this.since = since;
        }
    }

    synchronized Run start(int deployNumber, boolean approval, Instant now) {
        Run run = new Run(deployNumber, approval, now);
        runs.add(run);
        return run;
    }

    /** Moves every run on to {@code now}, deploying those whose time has come. */
    synchronized List<Run> runs(Instant now, Duration delay, Function<Commit, String> deploy) {
        for (Run run : runs) {
            if ("running".equals(run.status) && !now.isBefore(run.since.plus(delay))) {
                if (run.approval && !run.approved) {
                    run.status = "on_hold";
                } else {
                    run.failure = deploy.apply(revision);
                    run.status = run.failure == null ? "success" : "failed";
                    run.stopped = now;
                }
            }
        }
        return List.copyOf(runs);
    }

    /** Approves the run's hold; false when it is not waiting for that approval. */
    synchronized boolean approve(Run run, String approvalRequestId, Instant now) {
        if (!"on_hold".equals(run.status) || !run.holdId.equals(approvalRequestId)) {
            return false;
        }
        run.approved = true;
        run.status = "running";
        run.since = now;
        return true;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("errors", List.of());
        json.put("project_slug", slug);
        json.put("number", number);
        json.put("state", "created");
        json.put("created_at", created.toString());
        if (!parameters.isEmpty()) {
            json.put("trigger_parameters", parameters);
        }
        json.put("trigger", Map.of("type", trigger, "received_at", created.toString(), "actor", Map.of("login", "opsflow-bot")));
        json.put("vcs", Map.of("provider_name", "GitHub", "revision", revision.sha(), "branch", branch,
                "origin_repository_url", "https://github.com/" + slug.substring(slug.indexOf('/') + 1),
                "commit", Map.of("subject", revision.message(), "body", "")));
        return json;
    }

    Map<String, Object> json(Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pipeline_id", id);
        json.put("id", run.id);
        json.put("name", "deploy");
        json.put("project_slug", slug);
        json.put("status", run.status);
        json.put("started_by", "opsflow-bot");
        json.put("pipeline_number", number);
        json.put("created_at", created.toString());
        json.put("stopped_at", run.stopped == null ? null : run.stopped.toString());
        return json;
    }

    /** The run's jobs: the approval job {@code hold} (when asked for) before the build job {@code deploy}. */
    List<Map<String, Object>> jobs(Run run) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        if (run.approval) {
            Map<String, Object> hold = job(run.holdId, "hold", "approval", run.approved ? "success" : "on_hold");
            hold.put("approval_request_id", run.holdId);
            jobs.add(hold);
        }
        boolean waiting = run.approval && !run.approved;
        Map<String, Object> deploy = job(run.deployId, "deploy", "build", waiting ? "blocked" : run.status);
        if (!waiting) {
            deploy.put("job_number", run.deployNumber);
        }
        jobs.add(deploy);
        return jobs;
    }

    private Map<String, Object> job(String id, String name, String type, String status) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("name", name);
        job.put("type", type);
        job.put("status", status);
        job.put("project_slug", slug);
        job.put("dependencies", List.of());
        return job;
    }
}
