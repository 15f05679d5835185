package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.circleci.CircleCi;
import io.opsflow.circleci.Job;
import io.opsflow.circleci.Pipeline;
import io.opsflow.circleci.Workflow;

/**
 * One look at the deploy pipeline (the process polls on a timer until it ends or needs a person): the pipeline
 * the merge's push started, or, when nothing was merged or CircleCI never picked the push up, one triggered on
 * production. Sets {@link IntakeVariables#PIPELINE_PROGRESS}, and for a hold or a failure what the person needs.
 */
@Component
public class FollowPipelineDelegate implements JavaDelegate {

    /** Looks at CircleCI for the push's pipeline before triggering one. */
    static final int LOOKS_BEFORE_TRIGGER = 5;
    static final String LOOKS = "pipelineLooks";
    /** The template's pipeline parameter (.circleci/config.yml) that carries {@link #triggerKey}. */
    static final String TRIGGER_PARAMETER = "opsflow-request";
    /** How many pipelines this intake triggered: a new trigger after an operator's "run again" gets a new key. */
    static final String TRIGGERS = "pipelineTriggers";

    private final GitHubAccess access;
    private final IntakeProperties.Repository settings;

    public FollowPipelineDelegate(GitHubAccess access, IntakeProperties properties) {
        this.access = access;
        this.settings = properties.repository();
    }

    @Override
    public void execute(DelegateExecution execution) {
        CircleCi circleCi = access.circleCi();
        String slug = settings.slugFor(IntakeSteps.required(execution, REPOSITORY_NAME));
        String pipelineId = IntakeSteps.text(execution, PIPELINE_ID);
        if (pipelineId == null) {
            Optional<Pipeline> started = find(execution, circleCi, slug);
            if (started.isEmpty()) {
                execution.setVariable(PIPELINE_PROGRESS, PipelineProgress.WAITING.name());
                return;
            }
            pipelineId = started.get().id();
            execution.setVariable(PIPELINE_ID, pipelineId);
        }
        Pipeline pipeline = circleCi.pipeline(pipelineId);
        List<Workflow> workflows = circleCi.workflows(pipelineId);
        PipelineProgress progress = PipelineProgress.of(pipeline, workflows);
        execution.setVariable(PIPELINE_PROGRESS, progress.name());
        Collection<Workflow> current = PipelineProgress.current(workflows);
        if (progress == PipelineProgress.ON_HOLD) {
            Workflow held = current.stream().filter(w -> w.status() == Workflow.Status.ON_HOLD).findFirst().orElseThrow();
            Job approval = circleCi.jobs(held.id()).stream()
                    .filter(job -> job.type() == Job.Type.APPROVAL && "on_hold".equals(job.status())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Workflow " + held.id() + " is on hold without an approval job on hold"));
            execution.setVariable(WORKFLOW_ID, held.id());
            execution.setVariable(APPROVAL_REQUEST_ID, approval.approvalRequestId());
            execution.setVariable(PIPELINE_URL, held.url());
        } else if (progress == PipelineProgress.FAILED) {
            describeFailure(execution, circleCi, pipeline, current);
        }
    }

    private Optional<Pipeline> find(DelegateExecution execution, CircleCi circleCi, String slug) {
        String revision = IntakeSteps.text(execution, MERGE_SHA);
        int looks = execution.getVariable(LOOKS) instanceof Integer n ? n : 0;
        if (revision != null) {
            Optional<Pipeline> pushed = circleCi.pipelineForRevision(slug, settings.productionBranch(), revision);
            if (pushed.isPresent() || looks + 1 < LOOKS_BEFORE_TRIGGER) {
                execution.setVariable(LOOKS, looks + 1);
                return pushed;
            }
        }
        return Optional.of(trigger(execution, circleCi, slug));
    }

    /**
     * Triggers once per key: when the answer of an earlier try was lost (the job rolled back after CircleCI
     * created the pipeline), the retry finds that pipeline by its key instead of starting a second deploy.
     */
    private Pipeline trigger(DelegateExecution execution, CircleCi circleCi, String slug) {
        int triggers = execution.getVariable(TRIGGERS) instanceof Integer n ? n : 0;
        String key = triggerKey(execution, triggers + 1);
        execution.setVariable(TRIGGERS, triggers + 1);
        return circleCi.pipelineTriggeredWith(slug, settings.productionBranch(), TRIGGER_PARAMETER, key)
                .orElseGet(() -> circleCi.trigger(slug, settings.productionBranch(), Map.of(TRIGGER_PARAMETER, key)));
    }

    /** {@code <customer>/<process instance>/<n>}: traceable to the intake in the pipeline's log, unique per trigger. */
    static String triggerKey(DelegateExecution execution, int n) {
        return execution.getProcessBusinessKey() + "/" + execution.getProcessInstanceId() + "/" + n;
    }

    private static void describeFailure(DelegateExecution execution, CircleCi circleCi, Pipeline pipeline, Collection<Workflow> current) {
        if (pipeline.state() == Pipeline.State.ERRORED) {
            execution.setVariable(INTAKE_PROBLEM, IntakeTexts.reason(execution, "pipelineErrored", String.valueOf(pipeline.number()),
                    String.join("; ", pipeline.errors())));
            execution.removeVariable(WORKFLOW_ID);
            return;
        }
        Workflow failed = current.stream().filter(w -> PipelineProgress.failed(w.status())).findFirst().orElseThrow();
        Optional<Job> job = circleCi.jobs(failed.id()).stream().filter(j -> "failed".equals(j.status())).findFirst();
        execution.setVariable(WORKFLOW_ID, failed.id());
        execution.setVariable(PIPELINE_URL, job.map(Job::url).filter(url -> url != null).orElse(failed.url()));
        execution.setVariable(INTAKE_PROBLEM, IntakeTexts.reason(execution, "workflowEnded", failed.name(), String.valueOf(pipeline.number()),
                failed.status().name().toLowerCase()) + job.map(j -> " " + IntakeTexts.reason(execution, "jobFailed", j.name())).orElse(""));
    }
}
