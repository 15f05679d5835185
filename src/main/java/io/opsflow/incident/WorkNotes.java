package io.opsflow.incident;

import org.springframework.stereotype.Component;

import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/** Adds opsflow's work notes to an incident, trimmed to what one note should carry. */
@Component
class WorkNotes {

    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;

    WorkNotes(ServiceNowClient servicenow, IncidentProperties properties) {
        this.servicenow = servicenow;
        this.properties = properties;
    }

    void add(String incidentSysId, String text) {
        servicenow.updateIncident(incidentSysId, IncidentUpdate.workNote("opsflow: " + trim(text)));
    }

    String trim(String text) {
        int max = properties.workNoteMaxChars();
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "\n… (" + (text.length() - end) + " more characters)";
    }
}
