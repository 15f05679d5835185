package io.opsflow.servicenow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a table read, ServiceNow's strings kept as they are. {@code values} holds internal
 * values (codes, sys_ids, UTC dates), {@code displayValues} what users see; which of the two are
 * filled depends on the query's {@link TableQuery.DisplayValue}.
 */
public record TableRecord(Map<String, String> values, Map<String, String> displayValues) {

    public TableRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        displayValues = Collections.unmodifiableMap(new LinkedHashMap<>(displayValues));
    }

    /** The internal value of a field, null if it was not read. */
    public String value(String field) {
        return values.get(field);
    }

    /** The display value of a field, else its internal value. */
    public String displayValue(String field) {
        return displayValues.getOrDefault(field, values.get(field));
    }

    /**
     * Reads one {@code result} object. A field is a plain string, a reference {@code {link, value}}
     * (without {@code sysparm_exclude_reference_link}) or {@code {display_value, value[, link]}}
     * (with {@code sysparm_display_value=all}); a plain string is a display value under {@code =true}.
     */
    static TableRecord from(JsonNode result, TableQuery.DisplayValue mode) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> displayValues = new LinkedHashMap<>();
        result.properties().forEach(field -> {
            JsonNode node = field.getValue();
            if (node.isObject()) {
                if (node.has("value")) {
                    values.put(field.getKey(), node.get("value").asText());
                }
                if (node.has("display_value")) {
                    displayValues.put(field.getKey(), node.get("display_value").asText());
                }
            } else if (mode == TableQuery.DisplayValue.TRUE) {
                displayValues.put(field.getKey(), node.isNull() ? null : node.asText());
            } else {
                values.put(field.getKey(), node.isNull() ? null : node.asText());
            }
        });
        return new TableRecord(values, displayValues);
    }
}
