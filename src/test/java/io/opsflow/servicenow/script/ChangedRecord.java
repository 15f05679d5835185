package io.opsflow.servicenow.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mozilla.javascript.ScriptableObject;

/**
 * {@code current} / {@code previous} in an after business rule: one saved state of a record.
 * {@code getValue}, {@code getDisplayValue}, {@code operation()}, {@code getElement(name)} with
 * {@code changes()} (against {@code previous}; for a journal field: an entry was added by this
 * update) and {@code getJournalEntry(n)}, and {@code variables} for a requested item.
 */
public final class ChangedRecord {

    private static final List<String> JOURNALS = List.of("comments", "work_notes");

    private final String table;
    private final Map<String, String> values;
    private final Map<String, String> displayValues;
    private final Map<String, List<String>> journals;
    private final List<String> addedJournals;
    final ChangedRecord previous;
    /** {@code current.variables}: enumerable with for..in, each a variable element. */
    public final Variables variables;

    private ChangedRecord(String table, Map<String, String> values, Map<String, String> displayValues,
                          Map<String, List<String>> journals, List<String> addedJournals, ChangedRecord previous,
                          Map<String, String[]> variables) {
        this.table = table;
        this.values = values;
        this.displayValues = displayValues;
        this.journals = journals;
        this.addedJournals = addedJournals;
        this.previous = previous;
        this.variables = new Variables(variables);
    }

    /** The record as inserted (sys_mod_count 0, no previous). */
    public static ChangedRecord inserted(String table, Map<String, String> values, Map<String, String> displayValues,
                                         Map<String, String[]> variables) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put("sys_mod_count", "0");
        return new ChangedRecord(table, v, new LinkedHashMap<>(displayValues), Map.of(), List.of(), null, variables);
    }

    /**
     * This record after one more update: the changed fields, and a journal entry (e.g. "comments" →
     * "2026-11-24 02:03:11 - Hanako Sato (Additional comments)\ntext\n\n") when one is added.
     */
    public ChangedRecord updated(String updatedOn, Map<String, String> changes, String journal, String entry) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.putAll(changes);
        v.put("sys_updated_on", updatedOn);
        v.put("sys_mod_count", String.valueOf(Long.parseLong(values.get("sys_mod_count")) + 1));
        Map<String, List<String>> j = new LinkedHashMap<>();
        journals.forEach((k, list) -> j.put(k, new ArrayList<>(list)));
        List<String> added = new ArrayList<>();
        if (journal != null) {
            j.computeIfAbsent(journal, k -> new ArrayList<>()).add(0, entry);
            added.add(journal);
        }
        return new ChangedRecord(table, v, displayValues, j, added, withoutPrevious(), variablesCopy());
    }

    /** As {@code previous} of the next change: the state before it, with nothing of its own changed. */
    private ChangedRecord withoutPrevious() {
        return new ChangedRecord(table, values, displayValues, journals, List.of(), null, variablesCopy());
    }

    private Map<String, String[]> variablesCopy() {
        Map<String, String[]> copy = new LinkedHashMap<>();
        variables.elements.forEach((k, e) -> copy.put(k, new String[] {e.value, e.display}));
        return copy;
    }

    public String getValue(String field) {
        String value = values.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    public String getDisplayValue(String field) {
        return displayValues.getOrDefault(field, values.getOrDefault(field, ""));
    }

    public String getUniqueValue() {
        return values.get("sys_id");
    }

    public String getTableName() {
        return table;
    }

    public String operation() {
        return previous == null ? "insert" : "update";
    }

    public Element getElement(String field) {
        return new Element(field);
    }

    /** A field of this record (a GlideElement). */
    public final class Element {

        private final String field;

        Element(String field) {
            this.field = field;
        }

        public boolean changes() {
            if (JOURNALS.contains(field)) {
                return addedJournals.contains(field);
            }
            return previous != null && !Objects.equals(previous.values.getOrDefault(field, ""), values.getOrDefault(field, ""));
        }

        /** The newest n entries (n = 1: the latest), as the platform formats them; -1: all. */
        public String getJournalEntry(int n) {
            List<String> entries = journals.getOrDefault(field, List.of());
            int count = n < 0 ? entries.size() : Math.min(n, entries.size());
            return String.join("", entries.subList(0, count));
        }

        public String getDisplayValue() {
            return ChangedRecord.this.getDisplayValue(field);
        }

        @Override
        public String toString() {
            return values.getOrDefault(field, "");
        }
    }

    /** A catalog variable: its value as a string, and its display value. */
    public static final class VariableElement {

        final String value;
        final String display;

        VariableElement(String value, String display) {
            this.value = value;
            this.display = display;
        }

        public String getDisplayValue() {
            return display;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** {@code current.variables}: one property per catalog variable, as for..in sees them. */
    public static final class Variables extends ScriptableObject {

        final Map<String, VariableElement> elements = new LinkedHashMap<>();

        Variables(Map<String, String[]> variables) {
            variables.forEach((name, v) -> {
                VariableElement element = new VariableElement(v[0], v[1]);
                elements.put(name, element);
                defineProperty(name, element, READONLY);
            });
        }

        @Override
        public String getClassName() {
            return "GlideElementVariables";
        }
    }
}
