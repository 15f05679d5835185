package io.opsflow.handover;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader as Excel writes CSV: comma-separated, a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. Record {@code i}
 * (from 0) is Excel's row {@code i + 1}: a line break inside quotes stays in its cell and does not
 * start a row. No CSV library is on the classpath, and this is all the format needs.
 */
final class CsvRecords {

    /** The records; {@code unclosedQuoteRow} is the row whose quoted field never ends (0 when all close). */
    record Sheet(List<List<String>> rows, int unclosedQuoteRow) {
    }

    private CsvRecords() {
    }

    static Sheet read(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int quoteRow = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                quoteRow = rows.size() + 1;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            return new Sheet(rows, quoteRow);
        }
        if (fieldStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return new Sheet(rows, 0);
    }
}
