package io.opsflow.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated Automation job. Its status follows from the time since creation (so no scheduler
 * is needed): New, Activating, Running for one step each, then the runbook's outcome by name.
 */
final class SimulatedJob {

    private final String id;
    private final String name;
    private final String jobId;
    private final String runbook;
    private final Map<String, String> parameters;
    private final Instant created;
    private final Duration step;
    /** What the runbook writes to Output, when the sandbox knows it (the diagnostic runbooks); else a generic line. */
    private final String runbookOutput;
    private String forcedStatus;
    private Instant forcedAt;

    SimulatedJob(String id, String name, String jobId, String runbook, Map<String, String> parameters, Instant created, Duration step) {
        this(id, name, jobId, runbook, parameters, created, step, null);
    }

    SimulatedJob(String id, String name, String jobId, String runbook, Map<String, String> parameters, Instant created, Duration step,
                 String runbookOutput) {
        this.id = id;
        this.name = name;
        this.jobId = jobId;
        this.runbook = runbook;
        this.parameters = Map.copyOf(parameters);
        this.created = created;
        this.step = step;
        this.runbookOutput = runbookOutput;
    }

    Instant created() {
        return created;
    }

    String name() {
        return name;
    }

    String runbook() {
        return runbook;
    }

    Map<String, String> parameters() {
        return parameters;
    }

    synchronized String status(Instant now) {
        if (forcedStatus != null) {
            return forcedStatus;
        }
        long steps = Duration.between(created, now).toMillis() / Math.max(1, step.toMillis());
        if (steps < 1) {
            return "New";
        }
        if (steps < 2) {
            return "Activating";
        }
        if (steps < 3) {
            return "Running";
        }
        if (runbook.startsWith("Fail-")) {
            return "Failed";
        }
        return runbook.startsWith("Suspend-") ? "Suspended" : "Completed";
    }

    synchronized void act(String action, Instant now) {
        String status = status(now);
        switch (action) {
            case "stop" -> force(isFinal(status) ? status : "Stopped", now);
            case "suspend" -> force(isFinal(status) ? status : "Suspended", now);
            default -> force(status.equals("Suspended") ? "Completed" : status, now);
        }
    }

    Map<String, Object> json(Instant now) {
        String status = status(now);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("jobId", jobId);
        props.put("runbook", Map.of("name", runbook));
        props.put("startedBy", "opsflow");
        props.put("runOn", "");
        props.put("provisioningState", isFinal(status) ? (status.equals("Completed") ? "Succeeded" : "Failed") : "Processing");
        props.put("creationTime", created.toString());
        props.put("startTime", status.equals("New") ? null : created.plus(step).toString());
        props.put("endTime", isFinal(status) ? endTime().toString() : null);
        props.put("lastModifiedTime", now.toString());
        props.put("lastStatusModifiedTime", now.toString());
        props.put("status", status);
        props.put("statusDetails", "None");
        props.put("exception", status.equals("Failed") ? "Simulated failure of runbook " + runbook + " (sandbox)" : null);
        props.put("parameters", parameters);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("name", name);
        job.put("type", "Microsoft.Automation/AutomationAccounts/Jobs");
        job.put("properties", props);
        return job;
    }

    String output(Instant now) {
        if (!status(now).equals("Completed")) {
            return "";
        }
        if (runbookOutput != null) {
            return runbookOutput + "\n";
        }
        StringBuilder out = new StringBuilder("Runbook " + runbook + " completed in the opsflow sandbox.\n");
        parameters.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    List<Map<String, Object>> streams(Instant now) {
        List<Map<String, Object>> streams = new ArrayList<>();
        String status = status(now);
        if (!status.equals("New")) {
            streams.add(stream(1, "Progress", "Runbook " + runbook + " started"));
        }
        if (status.equals("Completed")) {
            streams.add(stream(2, "Output", output(now).lines().findFirst().orElse("")));
        }
        if (status.equals("Failed")) {
            streams.add(stream(2, "Error", "Simulated failure of runbook " + runbook + " (sandbox)"));
        }
        return streams;
    }

    private Map<String, Object> stream(int n, String type, String text) {
        String streamId = jobId + ":" + String.format("%020d", n);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("jobStreamId", streamId);
        props.put("time", created.plus(step.multipliedBy(n)).toString());
        props.put("streamType", type);
        props.put("summary", text);
        props.put("streamText", text);
        props.put("value", Map.of());
        return Map.of("id", id + "/streams/" + streamId, "properties", props);
    }

    private Instant endTime() {
        return forcedAt != null ? forcedAt : created.plus(step.multipliedBy(3));
    }

    private void force(String status, Instant at) {
        forcedStatus = status;
        forcedAt = at;
    }

    static boolean isFinal(String status) {
        return List.of("Completed", "Failed", "Stopped").contains(status);
    }
}
