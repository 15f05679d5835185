package io.opsflow.incident;

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
 * Checks the diagnostic job. Completed, failed or stopped jobs, jobs that need a human (suspended)
 * and jobs past their deadline (stopped here) all end the diagnostics with a note saying which.
 */
@Component
class CheckDiagnosticRunbookDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final AutomationJobs jobs;

    CheckDiagnosticRunbookDelegate(IncidentContext context, AutomationJobs jobs) {
        this.context = context;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_JOB_NAME);
        if (jobName == null) {
            execution.setVariable(IncidentVariables.DIAGNOSTIC_FINISHED, true);
            return;
        }
        Customer customer = context.customer(execution);
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        AutomationJob job = jobs.get(customer, jobName);
        AutomationJobStatus status = job.status();
        String note;
        if (status == AutomationJobStatus.COMPLETED) {
            note = "診断 Runbook " + runbook + " 完了 / completed:\n" + jobs.output(customer, jobName);
        } else if (status.isFinal()) {
            note = "診断 Runbook " + runbook + " " + status + " / did not complete:\n" + jobs.errors(customer, jobName);
        } else if (status.needsDecision()) {
            note = "診断 Runbook " + runbook + " は " + status + " です。Azure Automation で確認してください / needs a look in Azure Automation (job " + jobName + ")";
        } else if (ClockUtil.getCurrentTime().after((Date) execution.getVariable(IncidentVariables.DIAGNOSTIC_DEADLINE))) {
            jobs.stop(customer, jobName);
            note = "診断 Runbook " + runbook + " が時間内に終わらず停止しました / stopped after its time limit (job " + jobName + ")";
        } else {
            execution.setVariable(IncidentVariables.DIAGNOSTIC_FINISHED, false);
            return;
        }
        execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, note);
        execution.setVariable(IncidentVariables.DIAGNOSTIC_FINISHED, true);
    }
}
