package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The diagnostic runbook's outcome (output or errors, trimmed) as a work note. */
@Component
class AddDiagnosticWorkNoteDelegate implements JavaDelegate {

    private final WorkNotes workNotes;

    AddDiagnosticWorkNoteDelegate(WorkNotes workNotes) {
        this.workNotes = workNotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workNotes.add(execution, (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_NOTE));
    }
}
