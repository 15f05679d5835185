package io.opsflow.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the repository says about the diagnostic runbooks, read from where it is said once: the
 * runbooks the decision table names, the check ids {@code processes/runbooks/README.md} documents,
 * and the output contract those runbooks and the sandbox share.
 */
public final class DiagnosticRunbooks {

    public static final Path RUNBOOKS = Path.of("processes/runbooks");
    public static final Path TABLE = Path.of("processes/incident/diagnostic-runbook.dmn");
    public static final String SCHEMA = "opsflow.diagnostics/v1";
    private static final Pattern CHECK_ROW = Pattern.compile("(?m)^\\| `(Get-Opsflow\\w+)` \\| ([a-z-]+) \\| (.+) \\|\\s*$");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiagnosticRunbooks() {
    }

    /** Every runbook an output entry of the decision table names, in table order. */
    public static List<String> named() {
        try (InputStream in = Files.newInputStream(TABLE)) {
            Set<String> runbooks = new LinkedHashSet<>();
            for (OutputEntry entry : Dmn.readModelFromStream(in).getModelElementsByType(OutputEntry.class)) {
                runbooks.add(entry.getText().getTextContent().strip().replaceAll("^\"|\"$", ""));
            }
            return List.copyOf(runbooks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's check ids: runbook → (OS or "-") → ids in order. */
    public static Map<String, Map<String, List<String>>> documentedCheckIds() {
        Map<String, Map<String, List<String>>> ids = new LinkedHashMap<>();
        Matcher row = CHECK_ROW.matcher(readme());
        while (row.find()) {
            List<String> list = new ArrayList<>();
            Matcher id = TICKED.matcher(row.group(3));
            while (id.find()) {
                list.add(id.group(1));
            }
            ids.computeIfAbsent(row.group(1), k -> new LinkedHashMap<>()).put(row.group(2), list);
        }
        return ids;
    }

    public static String readme() {
        return read(RUNBOOKS.resolve("README.md"));
    }

    public static String script(String runbook) {
        return read(RUNBOOKS.resolve(runbook + ".ps1"));
    }

    /**
     * Asserts {@code output} is one JSON object in the contract, for {@code resourceId}, with
     * exactly {@code checkIds} in that order; returns it for further assertions.
     */
    public static JsonNode assertContract(String output, String resourceId, List<String> checkIds) {
        JsonNode json;
        try {
            json = JSON.readTree(output);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object: " + output, e);
        }
        assertThat(json.isObject()).as("one JSON object").isTrue();
        assertThat(fields(json)).containsExactly("schema", "resource", "checks", "truncated");
        assertThat(json.get("schema").asText()).isEqualTo(SCHEMA);
        assertThat(json.get("truncated").isBoolean()).isTrue();
        JsonNode resource = json.get("resource");
        assertThat(fields(resource)).containsExactly("id", "type", "os", "osVersion");
        assertThat(resource.get("id").asText()).isEqualTo(resourceId);
        assertThat(resource.get("type").asText()).matches("[a-z]+\\.[a-z]+(/[a-z]+)+");
        assertThat(resource.get("os").isNull() || Set.of("windows", "linux").contains(resource.get("os").asText()))
                .as("os is windows, linux or null: %s", resource.get("os")).isTrue();
        assertThat(resource.get("osVersion").isNull() || resource.get("osVersion").isTextual()).isTrue();
        List<String> ids = new ArrayList<>();
        for (JsonNode check : json.get("checks")) {
            assertThat(fields(check)).containsExactly("id", "status", "value", "detail");
            assertThat(check.get("status").asText()).isIn("ok", "warning", "critical", "unknown");
            assertThat(check.get("value").isTextual()).isTrue();
            assertThat(check.get("detail").asText()).hasSizeLessThanOrEqualTo(500);
            ids.add(check.get("id").asText());
        }
        assertThat(ids).as("check ids of %s", resourceId).containsExactlyElementsOf(checkIds);
        return json;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The ids a runbook declares in {@code $CheckIds = @(...)} (or {@code $WindowsCheckIds}, {@code $LinuxCheckIds}). */
    public static List<String> declaredCheckIds(String script, String variable) {
        Matcher declaration = Pattern.compile("(?m)^\\$" + variable + " = @\\(([^)]*)\\)").matcher(script);
        assertThat(declaration.find()).as("$%s = @(...)", variable).isTrue();
        return Arrays.stream(declaration.group(1).split(",")).map(s -> s.strip().replaceAll("^'|'$", "")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
