package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobStatus;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;

/**
 * Polls the job with back-off (doubling to {@link #MAX_POLL}). Completed: the output for the RITM.
 * Failed, stopped, suspended or past the fulfilment timeout (then stopped): an operator decides, and
 * the note for the RITM carries the job's exception and Error stream.
 */
@Component
class CheckCatalogRunbookDelegate implements JavaDelegate {

    static final Duration MAX_POLL = Duration.ofMinutes(2);
    static final int MAX_NOTE = 4000;

    private final CatalogJobs catalogJobs;
    private final AutomationJobs jobs;

    CheckCatalogRunbookDelegate(CatalogJobs catalogJobs, AutomationJobs jobs) {
        this.catalogJobs = catalogJobs;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = catalogJobs.customer(execution);
        String jobName = (String) execution.getVariable(JOB_NAME);
        String runbook = (String) execution.getVariable(RUNBOOK);
        AutomationJob job = jobs.get(customer, jobName);
        AutomationJobStatus status = job.status();
        if (status == AutomationJobStatus.COMPLETED) {
            finish(execution, "completed", "完了 / Completed: runbook " + runbook + " (job " + jobName + ")\n" + jobs.output(customer, jobName));
        } else if (status.isFinal()) {
            finish(execution, "failed", "失敗 / " + status + ": runbook " + runbook + " (job " + jobName + ")" + errorOf(customer, job, jobName));
        } else if (status.needsDecision()) {
            finish(execution, "failed", "要判断 / " + status + ": runbook " + runbook + " (job " + jobName
                    + ") は Azure Automation で再開か停止が必要です / needs resuming or stopping in Azure Automation"
                    + errorOf(customer, job, jobName));
        } else if (ClockUtil.getCurrentTime().after((Date) execution.getVariable(FULFILMENT_DEADLINE))) {
            jobs.stop(customer, jobName);
            finish(execution, "failed", "時間切れ / Timed out: runbook " + runbook + " (job " + jobName + ") was stopped after "
                    + execution.getVariable(FULFILMENT_TIMEOUT) + errorOf(customer, job, jobName));
        } else {
            Duration next = Duration.parse((String) execution.getVariable(JOB_POLL_INTERVAL)).multipliedBy(2);
            execution.setVariable(JOB_POLL_INTERVAL, (next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next).toString());
            execution.setVariable(JOB_OUTCOME, "running");
        }
    }

    /**
     * The job's error for the requester's note: its {@code exception} and its Error stream, each only
     * when there is one (a suspended or timed-out job often has neither).
     */
    private String errorOf(Customer customer, AutomationJob job, String jobName) {
        StringBuilder error = new StringBuilder();
        if (job.exception() != null && !job.exception().isBlank()) {
            error.append("\n例外 / Exception: ").append(job.exception().strip());
        }
        String stream = jobs.errors(customer, jobName);
        if (stream != null && !stream.isBlank()) {
            error.append("\nエラー ストリーム / Error stream:\n").append(stream.strip());
        }
        return error.toString();
    }

    private static void finish(DelegateExecution execution, String outcome, String note) {
        execution.setVariable(JOB_OUTCOME, outcome);
        execution.setVariable(RESULT_NOTE, note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE) + "\n…");
    }
}
