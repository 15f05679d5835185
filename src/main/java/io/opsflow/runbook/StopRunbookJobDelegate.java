package io.opsflow.runbook;

import static io.opsflow.runbook.RunbookJobVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;

/**
 * Stops the job named {@code runbookJobName} unless it has ended or was never created. Used by
 * runbook-job on timeout and by a caller that is cancelled while the job runs (the called instance
 * is deleted with it and cannot stop the job any more).
 */
@Component
class StopRunbookJobDelegate implements JavaDelegate {

    private final RunbookJobs runbookJobs;
    private final AutomationJobs jobs;

    StopRunbookJobDelegate(RunbookJobs runbookJobs, AutomationJobs jobs) {
        this.runbookJobs = runbookJobs;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(JOB_NAME);
        if (jobName == null) {
            return;
        }
        Customer customer = runbookJobs.customer(execution);
        try {
            if (!jobs.get(customer, jobName).status().isFinal()) {
                jobs.stop(customer, jobName);
            }
        } catch (ArmNotFoundException neverStarted) {
            // cancelled before the start step ran: nothing to stop
        }
    }
}
