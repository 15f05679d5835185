package io.opsflow.incident;

import static io.opsflow.runbook.RunbookJobVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.runbook.RunbookJobOutcome;

/**
 * When runbook-job returns, its outcome becomes the diagnostic note that the triage form shows and
 * the next step writes to ServiceNow. Runs at the end of the call activity, so the form has the note
 * even while ServiceNow is unavailable; a call cancelled with the incident returns nothing to note.
 */
@Component
class DescribeDiagnosticResultListener implements ExecutionListener {

    private final IncidentContext context;
    private final Messages messages;

    DescribeDiagnosticResultListener(IncidentContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(OUTCOME);
        if (outcome == null) {
            return;
        }
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        String status = (String) execution.getVariable(STATUS);
        String jobName = (String) execution.getVariable(JOB_NAME);
        Messages.Texts texts = messages.forCustomer(context.customer(execution));
        String note = switch (RunbookJobOutcome.of(outcome)) {
            case COMPLETED -> texts.text("incident.diagnostic.completed", runbook, String.valueOf(execution.getVariable(OUTPUT)));
            case FAILED, STOPPED -> texts.text("incident.diagnostic.failed", runbook, status, String.valueOf(execution.getVariable(ERRORS)));
            case SUSPENDED -> texts.text("incident.diagnostic.suspended", runbook, status, jobName);
            case TIMED_OUT -> texts.text("incident.diagnostic.timedOut", runbook, jobName);
            case RUNNING -> throw new IllegalStateException("runbook-job returned while job " + jobName + " was still running");
        };
        execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, note);
    }
}
