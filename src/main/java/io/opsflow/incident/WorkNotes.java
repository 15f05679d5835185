package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Adds opsflow's work notes to an incident, trimmed to what one note should carry, each once: the
 * note's key is the step writing it, so a job retried after a lost answer does not add it twice.
 * What opsflow itself says in a note is in the customer's language ({@link #texts}).
 */
@Component
class WorkNotes {

    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;
    private final IncidentContext context;
    private final Messages messages;

    WorkNotes(ServiceNowClient servicenow, IncidentProperties properties, IncidentContext context, Messages messages) {
        this.servicenow = servicenow;
        this.properties = properties;
        this.context = context;
        this.messages = messages;
    }

    /** The catalogue in the language of the incident's customer. */
    Messages.Texts texts(DelegateExecution execution) {
        return messages.forCustomer(context.customer(execution));
    }

    /** The note of the step {@code execution} is at: each run of an event subprocess (an alert update) gets its own. */
    void add(DelegateExecution execution, String text) {
        servicenow.updateIncident(IncidentContext.serviceNowSysId(execution), IncidentUpdate.workNote("opsflow: " + trim(text, texts(execution))),
                NoteKey.forStep(execution.getProcessInstanceId(), execution.getParentActivityInstanceId(), execution.getCurrentActivityId(), null));
    }

    String trim(String text, Messages.Texts texts) {
        int max = properties.workNoteMaxChars();
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + texts.text("worknote.trimmed", String.valueOf(text.length() - end));
    }
}
