package io.opsflow.servicenow;

import java.util.regex.Pattern;

/**
 * A journal entry as a business rule reads it with {@code getJournalEntry(1)}: a header line
 * ({@code 2026-11-24 02:03:11 - Hanako Sato (Additional comments)}, labels in the session's language)
 * and then what the person wrote. {@link #body} is what they wrote.
 */
public final class JournalText {

    /** A first line that starts with the date and ends with the journal's label in brackets (半角 or 全角). */
    private static final Pattern HEADER = Pattern.compile("\\A\\s*\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}[^\\n]* - [^\\n]*[)）]\\r?\\n");

    private JournalText() {
    }

    /** The text without the header line and surrounding blank space; null stays null. */
    public static String body(String entry) {
        return entry == null ? null : HEADER.matcher(entry).replaceFirst("").strip();
    }
}
