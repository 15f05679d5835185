package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records an SLA miss on the ServiceNow incident, so the customer's record shows it. */
@Component
class AddSlaMissedWorkNoteDelegate implements JavaDelegate {

    private final WorkNotes workNotes;

    AddSlaMissedWorkNoteDelegate(WorkNotes workNotes) {
        this.workNotes = workNotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workNotes.add(execution, SlaMiss.of(execution).describe(workNotes.texts(execution)));
    }
}
