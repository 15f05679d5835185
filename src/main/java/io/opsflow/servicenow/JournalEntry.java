package io.opsflow.servicenow;

/** One comment or work note (a sys_journal_field row); {@code createdOn} is UTC {@code yyyy-MM-dd HH:mm:ss}. */
public record JournalEntry(String sysId, JournalField field, String value, String createdOn, String createdBy) {

    static final String FIELDS = "sys_id,element,value,sys_created_on,sys_created_by";

    static JournalEntry from(TableRecord r) {
        return new JournalEntry(r.value("sys_id"), JournalField.of(r.value("element")), r.value("value"),
                r.value("sys_created_on"), r.value("sys_created_by"));
    }
}
