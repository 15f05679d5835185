package io.opsflow.runbook;

import static io.opsflow.runbook.RunbookJobVariables.*;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AutomationJob;

/**
 * Reads the job once. Still on its way: the next poll waits longer ({@link RunbookJobTimes}), or,
 * past the deadline, the outcome is TimedOut and the next step stops it. Otherwise the outcome with
 * the streams the caller reports: the Output stream of a completed job, the Error stream and the
 * exception of any other.
 */
@Component
class CheckRunbookJobDelegate implements JavaDelegate {

    private final RunbookJobs runbookJobs;

    CheckRunbookJobDelegate(RunbookJobs runbookJobs) {
        this.runbookJobs = runbookJobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(JOB_NAME);
        AutomationJob job = runbookJobs.get(execution, jobName);
        RunbookJobOutcome outcome = RunbookJobOutcome.of(job.status());
        if (outcome == RunbookJobOutcome.RUNNING && ClockUtil.getCurrentTime().after((Date) execution.getVariable(DEADLINE))) {
            outcome = RunbookJobOutcome.TIMED_OUT;
        }
        execution.setVariable(OUTCOME, outcome.value());
        execution.setVariable(STATUS, job.status().name());
        if (outcome == RunbookJobOutcome.RUNNING) {
            Duration last = Duration.parse((String) execution.getVariable(POLL_INTERVAL));
            execution.setVariable(POLL_INTERVAL, RunbookJobTimes.nextPoll(last).toString());
        } else if (outcome == RunbookJobOutcome.COMPLETED) {
            execution.setVariable(OUTPUT, runbookJobs.output(execution, jobName));
        } else {
            execution.setVariable(ERRORS, runbookJobs.errors(execution, jobName));
            execution.setVariable(EXCEPTION, job.exception() == null ? "" : job.exception().strip());
        }
    }
}
