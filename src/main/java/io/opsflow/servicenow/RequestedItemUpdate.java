package io.opsflow.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to a requested item; null fields are left as they are, {@code workNotes} appends a note.
 * {@code stage} is the value the item's flow defines.
 */
public record RequestedItemUpdate(RequestedItemState state, String stage, String workNotes) {

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        IncidentUpdate.put(fields, "state", state == null ? null : state.code());
        IncidentUpdate.put(fields, "stage", stage);
        IncidentUpdate.put(fields, "work_notes", workNotes);
        return fields;
    }
}
