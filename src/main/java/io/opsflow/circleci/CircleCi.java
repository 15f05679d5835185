package io.opsflow.circleci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CircleCI API v2 as the customer intake needs it: follow (or trigger) a pipeline, approve a hold, re-run a failure. */
public interface CircleCi {

    /** {@code POST /project/{slug}/pipeline} on {@code branch} with declared pipeline parameters. */
    Pipeline trigger(String projectSlug, String branch, Map<String, Object> parameters);

    /** The pipeline a push of {@code revision} to {@code branch} started, if CircleCI has it yet. */
    Optional<Pipeline> pipelineForRevision(String projectSlug, String branch, String revision);

    /**
     * The pipeline of {@code branch} triggered with pipeline parameter {@code parameter} = {@code value}: a
     * trigger retried after its answer was lost finds the pipeline the first one started.
     */
    Optional<Pipeline> pipelineTriggeredWith(String projectSlug, String branch, String parameter, String value);

    Pipeline pipeline(String pipelineId);

    /** All the pipeline's workflows (every page). */
    List<Workflow> workflows(String pipelineId);

    /** The workflow's jobs, approval jobs included. */
    List<Job> jobs(String workflowId);

    /** Approves the approval job waiting in an {@code on_hold} workflow. */
    void approve(String workflowId, String approvalRequestId);

    /** Re-runs the workflow from its failed jobs. */
    void rerunFromFailed(String workflowId);
}
