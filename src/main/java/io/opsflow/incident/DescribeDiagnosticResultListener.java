package io.opsflow.incident;

import static io.opsflow.runbook.RunbookJobVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.runbook.RunbookJobOutcome;

/**
 * When runbook-job returns, its outcome becomes the diagnostic note that the triage form shows and
 * the next step writes to ServiceNow. Runs at the end of the call activity, so the form has the note
 * even while ServiceNow is unavailable; a call cancelled with the incident returns nothing to note.
 */
@Component
class DescribeDiagnosticResultListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(OUTCOME);
        if (outcome == null) {
            return;
        }
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        String status = (String) execution.getVariable(STATUS);
        String jobName = (String) execution.getVariable(JOB_NAME);
        String note = switch (RunbookJobOutcome.of(outcome)) {
            case COMPLETED -> "診断 Runbook " + runbook + " 完了 / completed:\n" + execution.getVariable(OUTPUT);
            case FAILED, STOPPED -> "診断 Runbook " + runbook + " " + status + " / did not complete:\n" + execution.getVariable(ERRORS);
            case SUSPENDED -> "診断 Runbook " + runbook + " は " + status + " です。Azure Automation で確認してください / needs a look in Azure Automation (job " + jobName + ")";
            case TIMED_OUT -> "診断 Runbook " + runbook + " が時間内に終わらず停止しました / stopped after its time limit (job " + jobName + ")";
            case RUNNING -> throw new IllegalStateException("runbook-job returned while job " + jobName + " was still running");
        };
        execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, note);
    }
}
