package io.opsflow.runbook;

import static io.opsflow.runbook.RunbookJobVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.JobNames;

/**
 * Starts the runbook. The job name is the caller's or comes from this step of this instance, never
 * from the attempt: a start retried after a lost answer asks Automation for the same job, which
 * {@code AutomationJobs.start} returns instead of starting a second one. A runbook ARM does not find
 * is an incident, or the caller's BPMN error when it asked for one ({@link RunbookJobVariables#NOT_FOUND_IS_ERROR}).
 */
@Component
class StartRunbookJobDelegate implements JavaDelegate {

    private final RunbookJobs runbookJobs;

    StartRunbookJobDelegate(RunbookJobs runbookJobs) {
        this.runbookJobs = runbookJobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(JOB_NAME);
        if (jobName == null) {
            jobName = JobNames.forStep(execution.getProcessInstanceId(), execution.getCurrentActivityId());
        }
        try {
            runbookJobs.start(execution, jobName);
        } catch (ArmNotFoundException notFound) {
            if (Boolean.TRUE.equals(execution.getVariable(NOT_FOUND_IS_ERROR))) {
                throw new BpmnError(ERROR_RUNBOOK_NOT_FOUND, notFound.getMessage());
            }
            throw notFound;
        }
        execution.setVariable(JOB_NAME, jobName);
        execution.setVariable(POLL_INTERVAL, RunbookJobTimes.FIRST_POLL.toString());
        execution.setVariable(DEADLINE, new Date(ClockUtil.getCurrentTime().getTime()
                + RunbookJobTimes.timeout(execution.getVariable(TIMEOUT)).toMillis()));
    }
}
