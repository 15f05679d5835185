package io.opsflow.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a diagnostic runbook reports on its Output stream ({@code opsflow.diagnostics/v1}: one JSON
 * object with the resource and its checks), read once here so that the summary never sees raw JSON.
 * Read tolerantly: PowerShell may write a warning or a blank line around the object, and a runbook of
 * another shape is no report at all (the summary then shows the text as it came).
 */
record DiagnosticReport(Resource resource, List<Check> checks, boolean truncated) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Resource(String id, String type, String os, String osVersion) {
    }

    record Check(String id, Status status, String value, String detail) {
    }

    /** Worst first: the order the summary lists checks in. */
    enum Status {
        CRITICAL, WARNING, UNKNOWN, OK;

        /** The runbook's word ({@code ok|warning|critical|unknown}); any other word is unknown, not a failure to read. */
        static Status of(String value) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return status;
                }
            }
            return UNKNOWN;
        }
    }

    /** The report in {@code output}: the whole text, else its last line holding one, else the span from the first { to the last }. */
    static Optional<DiagnosticReport> parse(String output) {
        if (output == null || output.isBlank()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(output.strip());
        List<String> lines = output.strip().lines().map(String::strip).filter(l -> l.startsWith("{")).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            candidates.add(lines.get(i));
        }
        int first = output.indexOf('{');
        int last = output.lastIndexOf('}');
        if (first >= 0 && last > first) {
            candidates.add(output.substring(first, last + 1));
        }
        for (String candidate : candidates) {
            Optional<DiagnosticReport> report = read(candidate);
            if (report.isPresent()) {
                return report;
            }
        }
        return Optional.empty();
    }

    private static Optional<DiagnosticReport> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("checks").isArray()) {
            return Optional.empty();
        }
        JsonNode r = root.path("resource");
        Resource resource = new Resource(text(r, "id"), text(r, "type"), text(r, "os"), text(r, "osVersion"));
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            if (c.isObject()) {
                checks.add(new Check(text(c, "id"), Status.of(text(c, "status")), text(c, "value"), text(c, "detail")));
            }
        }
        return Optional.of(new DiagnosticReport(resource, List.copyOf(checks), root.path("truncated").asBoolean(false)));
    }

    /** A field as text (a number or a boolean as written), null when absent, null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
