package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Re-runs the failed workflow from its failed jobs, as the person chose; an errored pipeline (no workflow)
 * is triggered anew instead.
 */
@Component
public class RerunPipelineDelegate implements JavaDelegate {

    private final GitHubAccess access;

    public RerunPipelineDelegate(GitHubAccess access) {
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String workflow = IntakeSteps.text(execution, WORKFLOW_ID);
        if (workflow == null) {
            execution.removeVariable(PIPELINE_ID);
            execution.removeVariable(MERGE_SHA);
        } else {
            access.circleCi().rerunFromFailed(workflow);
        }
        execution.removeVariable(DECISION);
    }
}
