package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AutomationJobs;
import io.opsflow.azure.JobNames;

/**
 * Starts the runbook. The job name comes from this step and the attempt number, so a job retry
 * after a lost answer finds the job it already started; only an operator's "retry" makes a new one.
 */
@Component
class StartCatalogRunbookDelegate implements JavaDelegate {

    static final Duration FIRST_POLL = Duration.ofSeconds(10);

    private final CatalogJobs catalogJobs;
    private final AutomationJobs jobs;

    StartCatalogRunbookDelegate(CatalogJobs catalogJobs, AutomationJobs jobs) {
        this.catalogJobs = catalogJobs;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = JobNames.forStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                "attempt-" + execution.getVariable(FULFILMENT_ATTEMPT));
        jobs.start(catalogJobs.customer(execution), jobName, (String) execution.getVariable(RUNBOOK), CatalogJobs.parameters(execution));
        Duration timeout = Duration.parse((String) execution.getVariable(FULFILMENT_TIMEOUT));
        execution.setVariable(JOB_NAME, jobName);
        execution.setVariable(JOB_POLL_INTERVAL, FIRST_POLL.toString());
        execution.setVariable(FULFILMENT_DEADLINE, new Date(ClockUtil.getCurrentTime().getTime() + timeout.toMillis()));
    }
}
