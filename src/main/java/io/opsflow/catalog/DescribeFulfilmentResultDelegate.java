package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.messages.Messages;
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

    private final Messages messages;

    DescribeFulfilmentResultDelegate(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String runbook = (String) execution.getVariable(RUNBOOK);
        String jobName = (String) execution.getVariable(JOB_NAME);
        String status = (String) execution.getVariable(RunbookJobVariables.STATUS);
        Messages.Texts texts = messages.forCustomer((String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID));
        switch (RunbookJobOutcome.of((String) execution.getVariable(RunbookJobVariables.OUTCOME))) {
            case COMPLETED -> finish(execution, "completed", texts.text("catalog.fulfilment.completed", runbook, jobName,
                    String.valueOf(execution.getVariable(RunbookJobVariables.OUTPUT))));
            case FAILED, STOPPED -> finish(execution, "failed", texts.text("catalog.fulfilment.failed", runbook, jobName, status)
                    + errorOf(execution, texts));
            case SUSPENDED -> finish(execution, "failed", texts.text("catalog.fulfilment.suspended", runbook, jobName, status)
                    + errorOf(execution, texts));
            case TIMED_OUT -> finish(execution, "failed", texts.text("catalog.fulfilment.timedOut", runbook, jobName,
                    String.valueOf(execution.getVariable(FULFILMENT_TIMEOUT))) + errorOf(execution, texts));
            case RUNNING -> throw new IllegalStateException("runbook-job returned while job " + jobName + " was still running");
        }
    }

    /**
     * The job's error for the requester's note: its {@code exception} and its Error stream, each only
     * when there is one (a suspended or timed-out job often has neither).
     */
    private static String errorOf(DelegateExecution execution, Messages.Texts texts) {
        StringBuilder error = new StringBuilder();
        String exception = (String) execution.getVariable(RunbookJobVariables.EXCEPTION);
        if (exception != null && !exception.isBlank()) {
            error.append(texts.text("catalog.fulfilment.exception", exception.strip()));
        }
        String stream = (String) execution.getVariable(RunbookJobVariables.ERRORS);
        if (stream != null && !stream.isBlank()) {
            error.append(texts.text("catalog.fulfilment.errorStream", stream.strip()));
        }
        return error.toString();
    }

    private static void finish(DelegateExecution execution, String outcome, String note) {
        execution.setVariable(JOB_OUTCOME, outcome);
        execution.setVariable(RESULT_NOTE, note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE) + "\n…");
    }
}
