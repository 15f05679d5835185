package io.opsflow.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Changes to a requested item; null fields are left as they are, {@code workNotes} appends a note. */
public record RequestedItemUpdate(String state, String stage, String workNotes) {

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        IncidentUpdate.put(fields, "state", state);
        IncidentUpdate.put(fields, "stage", stage);
        IncidentUpdate.put(fields, "work_notes", workNotes);
        return fields;
    }
}
