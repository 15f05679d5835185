package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.circleci.CircleCi;
import io.opsflow.circleci.Job;

/** Approves the held job the person approved in Tasklist, unless it is no longer waiting (approved by an earlier attempt or in CircleCI). */
@Component
public class ApprovePipelineDelegate implements JavaDelegate {

    private final GitHubAccess access;

    public ApprovePipelineDelegate(GitHubAccess access) {
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CircleCi circleCi = access.circleCi();
        String workflow = IntakeSteps.required(execution, WORKFLOW_ID);
        String approval = IntakeSteps.required(execution, APPROVAL_REQUEST_ID);
        boolean waiting = circleCi.jobs(workflow).stream()
                .anyMatch(job -> job.type() == Job.Type.APPROVAL && approval.equals(job.approvalRequestId()) && "on_hold".equals(job.status()));
        if (waiting) {
            circleCi.approve(workflow, approval);
        }
    }
}
