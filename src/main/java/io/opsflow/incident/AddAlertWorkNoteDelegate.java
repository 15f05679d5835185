package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One work note per alert delivery correlated into a running incident (storms, updates, recoveries). */
@Component
class AddAlertWorkNoteDelegate implements JavaDelegate {

    private final WorkNotes workNotes;

    AddAlertWorkNoteDelegate(WorkNotes workNotes) {
        this.workNotes = workNotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workNotes.add(execution, (String) execution.getVariable(IncidentVariables.ALERT_NOTE));
    }
}
