package io.opsflow.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to an incident; null fields are left as they are. {@code workNotes} (internal) and
 * {@code comments} (seen by the customer) each append one journal entry. Resolving
 * needs {@code closeCode} (a value of the instance's choice list) and {@code closeNotes}.
 * {@code customFields} are the instance's own columns ({@code u_...}); the Table API ignores a column
 * the instance does not have, so setting one never fails an update.
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
        String closeNotes,
        Map<String, String> customFields) {

    public IncidentUpdate {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        customFields.keySet().forEach(name -> {
            if (!name.matches("u_[a-z0-9_]+")) {
                throw new IllegalArgumentException("Not a custom column name: " + name);
            }
        });
    }

    public IncidentUpdate(IncidentState state, String impact, String urgency, String assignmentGroup, String assignedTo,
                          String workNotes, String comments, String closeCode, String closeNotes) {
        this(state, impact, urgency, assignmentGroup, assignedTo, workNotes, comments, closeCode, closeNotes, Map.of());
    }

    public static IncidentUpdate comment(String text) {
        return new IncidentUpdate(null, null, null, null, null, null, text, null, null);
    }

    public static IncidentUpdate workNote(String text) {
        return new IncidentUpdate(null, null, null, null, null, text, null, null, null);
    }

    /** The same update, also setting the custom column {@code name}. */
    public IncidentUpdate with(String name, String value) {
        Map<String, String> custom = new LinkedHashMap<>(customFields);
        custom.put(name, value);
        return new IncidentUpdate(state, impact, urgency, assignmentGroup, assignedTo, workNotes, comments, closeCode, closeNotes, custom);
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
        new TreeMap<>(customFields).forEach(fields::put);
        return fields;
    }

    static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
