package io.opsflow.servicenow;

import java.util.regex.Pattern;

/**
 * A file to attach to one record. The file name identifies it on that record: attaching the same
 * name twice is the same attachment (see {@link ServiceNowClient#attachOnce}).
 */
public record NewAttachment(String tableName, String tableSysId, String fileName, String contentType, byte[] content) {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    // Kept to what the encoded query and the Content-Disposition of a download take without escaping.
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public NewAttachment {
        if (tableName == null || !TABLE.matcher(tableName).matches()) {
            throw new IllegalArgumentException("Not a table name: " + tableName);
        }
        TableApi.sysId(tableSysId);
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("File name must be 1-100 of A-Z a-z 0-9 . _ -: " + fileName);
        }
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("An attachment needs content");
        }
    }
}
