package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.SERVICENOW_SYS_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Writes the escalation's notes to the incident through the one ServiceNow client, each once: the key
 * is the step plus what the note is about (a communication's name), so a job retried after a lost
 * answer, or a communication that ARM lists again, does not add a second note.
 */
@Component
class SupportNotes {

    /**
     * The incident column that holds Microsoft's ticket number, for lists and reports (the update set in
     * docs/servicenow adds it; an instance without it ignores it and keeps the work note).
     */
    static final String MICROSOFT_CASE_COLUMN = "u_microsoft_case";

    private final ServiceNowClient servicenow;

    SupportNotes(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    /** An internal work note. */
    void workNote(DelegateExecution execution, String text, String about) {
        servicenow.updateIncident(sysId(execution), IncidentUpdate.workNote("opsflow: " + text), key(execution, about));
    }

    /** The work note that a ticket was opened, with its number in {@link #MICROSOFT_CASE_COLUMN}. */
    void ticketOpened(DelegateExecution execution, String text, String caseNumber) {
        servicenow.updateIncident(sysId(execution), IncidentUpdate.workNote("opsflow: " + text).with(MICROSOFT_CASE_COLUMN, caseNumber),
                key(execution, null));
    }

    /** Microsoft's message: a work note, or a customer-visible comment where the registry says {@code relay: comment}. */
    void relay(DelegateExecution execution, Customer customer, String text, String about) {
        if (customer.supportOrDefault().relay() == Customer.SupportRelay.COMMENT) {
            servicenow.updateIncident(sysId(execution), IncidentUpdate.comment(text),
                    key(execution, about));
        } else {
            workNote(execution, text, about);
        }
    }

    private static String sysId(DelegateExecution execution) {
        return (String) execution.getVariable(SERVICENOW_SYS_ID);
    }

    private static NoteKey key(DelegateExecution execution, String about) {
        return NoteKey.forStep(execution.getProcessInstanceId(), execution.getProcessInstanceId(), execution.getCurrentActivityId(), about);
    }
}
