package io.opsflow.customerintake;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsflow.circleci.Pipeline;
import io.opsflow.circleci.Workflow;

/** Where the deploy pipeline stands, as the intake acts on it. */
public enum PipelineProgress {
    /** CircleCI has not picked the push up yet. */
    WAITING,
    RUNNING,
    /** An approval job waits. */
    ON_HOLD,
    SUCCEEDED,
    /** Errored, failed, cancelled or refused: a person decides. */
    FAILED;

    /**
     * The pipeline's state from its workflows, each name counted once (a re-run adds a workflow of the same
     * name; CircleCI lists the newest first): any held → on hold; any failed, errored, cancelled or
     * unauthorized → failed; all successful (or not run) → succeeded; else running.
     */
    static PipelineProgress of(Pipeline pipeline, List<Workflow> workflows) {
        if (pipeline.state() == Pipeline.State.ERRORED) {
            return FAILED;
        }
        Collection<Workflow> current = current(workflows);
        if (current.isEmpty()) {
            return RUNNING;
        }
        if (current.stream().anyMatch(w -> w.status() == Workflow.Status.ON_HOLD)) {
            return ON_HOLD;
        }
        if (current.stream().anyMatch(w -> failed(w.status()))) {
            return FAILED;
        }
        if (current.stream().allMatch(w -> w.status() == Workflow.Status.SUCCESS || w.status() == Workflow.Status.NOT_RUN)) {
            return SUCCEEDED;
        }
        return RUNNING;
    }

    static Collection<Workflow> current(List<Workflow> workflows) {
        Map<String, Workflow> byName = new LinkedHashMap<>();
        workflows.forEach(w -> byName.putIfAbsent(w.name(), w));
        return byName.values();
    }

    static boolean failed(Workflow.Status status) {
        return switch (status) {
            case FAILED, ERROR, CANCELED, UNAUTHORIZED -> true;
            default -> false;
        };
    }
}
