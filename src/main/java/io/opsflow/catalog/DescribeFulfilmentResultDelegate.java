package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.runbook.RunbookJobOutcome;
import io.opsflow.runbook.RunbookJobVariables;

/**
 * Turns runbook-job's outcome into the RITM's note. Completed: the output for the RITM. Failed,
 * stopped, suspended or timed out (runbook-job stopped it): an operator decides, and the note
 * carries the job's exception and Error stream.
 */
@Component
class DescribeFulfilmentResultDelegate implements JavaDelegate {

    static final int MAX_NOTE = 4000;

    @Override
    public void execute(DelegateExecution execution) {
        String runbook = (String) execution.getVariable(RUNBOOK);
        String jobName = (String) execution.getVariable(JOB_NAME);
        String status = (String) execution.getVariable(RunbookJobVariables.STATUS);
        String job = "runbook " + runbook + " (job " + jobName + ")";
        switch (RunbookJobOutcome.of((String) execution.getVariable(RunbookJobVariables.OUTCOME))) {
            case COMPLETED -> finish(execution, "completed", "完了 / Completed: " + job + "\n"
                    + execution.getVariable(RunbookJobVariables.OUTPUT));
            case FAILED, STOPPED -> finish(execution, "failed", "失敗 / " + status + ": " + job + errorOf(execution));
            case SUSPENDED -> finish(execution, "failed", "要判断 / " + status + ": " + job
                    + " は Azure Automation で再開か停止が必要です / needs resuming or stopping in Azure Automation" + errorOf(execution));
            case TIMED_OUT -> finish(execution, "failed", "時間切れ / Timed out: " + job + " was stopped after "
                    + execution.getVariable(FULFILMENT_TIMEOUT) + errorOf(execution));
            case RUNNING -> throw new IllegalStateException("runbook-job returned while job " + jobName + " was still running");
        }
    }

    /**
     * The job's error for the requester's note: its {@code exception} and its Error stream, each only
     * when there is one (a suspended or timed-out job often has neither).
     */
    private static String errorOf(DelegateExecution execution) {
        StringBuilder error = new StringBuilder();
        String exception = (String) execution.getVariable(RunbookJobVariables.EXCEPTION);
        if (exception != null && !exception.isBlank()) {
            error.append("\n例外 / Exception: ").append(exception.strip());
        }
        String stream = (String) execution.getVariable(RunbookJobVariables.ERRORS);
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
