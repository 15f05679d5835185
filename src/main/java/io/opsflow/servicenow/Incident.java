package io.opsflow.servicenow;

import java.util.Map;

/**
 * An incident as ServiceNow returns it, from the Table API or a webhook delivery: every value is
 * ServiceNow's string (codes, "true"/"false", UTC {@code yyyy-MM-dd HH:mm:ss}, "" when empty),
 * references are sys_ids; {@link #state()} gives the state in business words. Fields not read are null.
 */
public record Incident(
        String sysId,
        String number,
        String stateCode,
        String impact,
        String urgency,
        String priority,
        String shortDescription,
        String description,
        String company,
        String callerId,
        String assignmentGroup,
        String assignedTo,
        String category,
        String subcategory,
        String cmdbCi,
        String correlationId,
        String correlationDisplay,
        String closeCode,
        String closeNotes,
        String active,
        String openedAt,
        String resolvedAt,
        String sysUpdatedOn,
        String sysModCount) {

    static final String FIELDS = "sys_id,number,state,impact,urgency,priority,short_description,description,"
            + "company,caller_id,assignment_group,assigned_to,category,subcategory,cmdb_ci,correlation_id,"
            + "correlation_display,close_code,close_notes,active,opened_at,resolved_at,sys_updated_on,sys_mod_count";

    /** The state; {@link IncidentState#OTHER} for an instance's own, whose code {@link #stateCode()} keeps. */
    public IncidentState state() {
        return IncidentState.of(stateCode);
    }

    /** An incident from a record's fields by Table API name, as a webhook delivers them. */
    public static Incident of(Map<String, String> fields) {
        return from(new TableRecord(fields, Map.of()));
    }

    static Incident from(TableRecord r) {
        return new Incident(r.value("sys_id"), r.value("number"), r.value("state"), r.value("impact"),
                r.value("urgency"), r.value("priority"), r.value("short_description"), r.value("description"),
                r.value("company"), r.value("caller_id"), r.value("assignment_group"), r.value("assigned_to"),
                r.value("category"), r.value("subcategory"), r.value("cmdb_ci"), r.value("correlation_id"),
                r.value("correlation_display"), r.value("close_code"), r.value("close_notes"), r.value("active"),
                r.value("opened_at"), r.value("resolved_at"), r.value("sys_updated_on"), r.value("sys_mod_count"));
    }
}
