package io.opsflow.servicenow;

/** A file attached to a ServiceNow record ({@code sys_attachment}), as the Attachment API describes it. */
public record Attachment(String sysId, String tableName, String tableSysId, String fileName, long sizeBytes, String downloadLink) {

    static Attachment from(TableRecord record) {
        String size = record.value("size_bytes");
        return new Attachment(record.value("sys_id"), record.value("table_name"), record.value("table_sys_id"),
                record.value("file_name"), size == null || size.isBlank() ? 0 : Long.parseLong(size), record.value("download_link"));
    }
}
