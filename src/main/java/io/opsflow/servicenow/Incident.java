package io.opsflow.servicenow;

/**
 * An incident as ServiceNow returns it: every value is ServiceNow's string (codes, "true"/"false",
 * UTC {@code yyyy-MM-dd HH:mm:ss}, "" when empty), references are sys_ids. Fields not read are null.
 */
public record Incident(
        String sysId,
        String number,
        String state,
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

    public static final String STATE_NEW = "1";
    public static final String STATE_IN_PROGRESS = "2";
    public static final String STATE_ON_HOLD = "3";
    public static final String STATE_RESOLVED = "6";
    public static final String STATE_CLOSED = "7";
    public static final String STATE_CANCELED = "8";

    static final String FIELDS = "sys_id,number,state,impact,urgency,priority,short_description,description,"
            + "company,caller_id,assignment_group,assigned_to,category,subcategory,cmdb_ci,correlation_id,"
            + "correlation_display,close_code,close_notes,active,opened_at,resolved_at,sys_updated_on,sys_mod_count";

    static Incident from(TableRecord r) {
        return new Incident(r.value("sys_id"), r.value("number"), r.value("state"), r.value("impact"),
                r.value("urgency"), r.value("priority"), r.value("short_description"), r.value("description"),
                r.value("company"), r.value("caller_id"), r.value("assignment_group"), r.value("assigned_to"),
                r.value("category"), r.value("subcategory"), r.value("cmdb_ci"), r.value("correlation_id"),
                r.value("correlation_display"), r.value("close_code"), r.value("close_notes"), r.value("active"),
                r.value("opened_at"), r.value("resolved_at"), r.value("sys_updated_on"), r.value("sys_mod_count"));
    }
}
