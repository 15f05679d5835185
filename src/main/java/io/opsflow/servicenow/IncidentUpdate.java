package io.opsflow.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to an incident; null fields are left as they are. {@code workNotes} (internal) and
 * {@code comments} (seen by the customer) each append one journal entry. Resolving
 * needs {@code closeCode} (a value of the instance's choice list) and {@code closeNotes}.
 */
public record IncidentUpdate(
        IncidentState state,
        String impact,
        String urgency,
        String assignmentGroup,
        String assignedTo,
        String workNotes,
        String comments,
        String closeCode,
        String closeNotes) {

    public static IncidentUpdate workNote(String text) {
        return new IncidentUpdate(null, null, null, null, null, text, null, null, null);
    }

    public static IncidentUpdate resolve(String closeCode, String closeNotes) {
        return new IncidentUpdate(IncidentState.RESOLVED, null, null, null, null, null, null, closeCode, closeNotes);
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "state", state == null ? null : state.code());
        put(fields, "impact", impact);
        put(fields, "urgency", urgency);
        put(fields, "assignment_group", assignmentGroup);
        put(fields, "assigned_to", assignedTo);
        put(fields, "work_notes", workNotes);
        put(fields, "comments", comments);
        put(fields, "close_code", closeCode);
        put(fields, "close_notes", closeNotes);
        return fields;
    }

    static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
