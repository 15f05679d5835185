package io.opsflow.incident;

import static io.opsflow.runbook.RunbookJobVariables.*;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.runbook.RunbookJobOutcome;

/**
 * When runbook-job returns, or the runbook was not found, the diagnostic note that the triage form
 * shows and the next step writes to ServiceNow: a completed job's output summarised
 * ({@link DiagnosticSummary}); otherwise what is missing and why, so that the operator triages
 * knowing it. Runs at the end of the call activity and of its not-found boundary event, so the form
 * has the note even while ServiceNow is unavailable; a call cancelled with the incident notes nothing.
 */
@Component
class DescribeDiagnosticResultListener implements ExecutionListener {

    /** Lines of the Error stream a failed job's note carries: the first are the cause, the rest its stack. */
    static final int ERROR_LINES = 5;

    private final IncidentContext context;
    private final Messages messages;

    DescribeDiagnosticResultListener(IncidentContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(OUTCOME);
        String notFound = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_ERROR);
        if (outcome == null && notFound == null) {
            return;
        }
        Customer customer = context.customer(execution);
        Messages.Texts texts = messages.forCustomer(customer);
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        String jobName = (String) execution.getVariable(JOB_NAME);
        String note = outcome == null
                ? texts.text("incident.diagnostic.notFound", runbook, automationAccount(customer),
                        DiagnosticSummary.clip(notFound, DiagnosticSummary.MAX_DETAIL))
                : switch (RunbookJobOutcome.of(outcome)) {
                    case COMPLETED -> texts.text("incident.diagnostic.completed", runbook,
                            DiagnosticSummary.of((String) execution.getVariable(OUTPUT), texts));
                    case FAILED -> texts.text("incident.diagnostic.failed", runbook, jobName, errorText(execution, texts));
                    case STOPPED -> texts.text("incident.diagnostic.stopped", runbook, jobName);
                    case SUSPENDED -> texts.text("incident.diagnostic.suspended", runbook, execution.getVariable(STATUS), jobName);
                    case TIMED_OUT -> texts.text("incident.diagnostic.timedOut", runbook, minutes(execution), jobName);
                    case RUNNING -> throw new IllegalStateException("runbook-job returned while job " + jobName + " was still running");
                };
        execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE, note);
    }

    /** The first lines of the Error stream, else of the job's exception, else a word that Automation gave none. */
    private static String errorText(DelegateExecution execution, Messages.Texts texts) {
        for (String text : new String[] {(String) execution.getVariable(ERRORS), (String) execution.getVariable(EXCEPTION)}) {
            if (text != null && !text.isBlank()) {
                return DiagnosticSummary.firstLines(text, ERROR_LINES, texts);
            }
        }
        return texts.text("incident.diagnostic.noErrorText");
    }

    private static String automationAccount(Customer customer) {
        return customer.azure() == null || customer.azure().automationAccount() == null ? "?" : customer.azure().automationAccount().name();
    }

    private static String minutes(DelegateExecution execution) {
        Object timeout = execution.getVariable(IncidentVariables.DIAGNOSTIC_TIMEOUT);
        return timeout == null ? "?" : String.valueOf(Duration.parse(timeout.toString()).toMinutes());
    }
}
