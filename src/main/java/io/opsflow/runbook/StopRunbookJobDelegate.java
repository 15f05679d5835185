package io.opsflow.runbook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stops the job named {@code runbookJobName}, if there is one still running. Used by runbook-job on
 * timeout and by a caller cancelled while the job runs: the called instance is deleted with the
 * caller and cannot stop the job any more.
 */
@Component
class StopRunbookJobDelegate implements JavaDelegate {

    private final RunbookJobs runbookJobs;

    StopRunbookJobDelegate(RunbookJobs runbookJobs) {
        this.runbookJobs = runbookJobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(RunbookJobVariables.JOB_NAME);
        if (jobName != null) {
            runbookJobs.stopIfRunning(execution, jobName);
        }
    }
}
