package io.opsflow.servicenow;

import java.util.Arrays;

/** The journal of a task record: comments are seen by the customer, work notes are internal. */
public enum JournalField {
    COMMENTS("comments"),
    WORK_NOTES("work_notes");

    private final String element;

    JournalField(String element) {
        this.element = element;
    }

    /** The column name, sys_journal_field's {@code element}. */
    public String element() {
        return element;
    }

    static JournalField of(String element) {
        return Arrays.stream(values()).filter(f -> f.element.equals(element)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a journal field: " + element));
    }
}
