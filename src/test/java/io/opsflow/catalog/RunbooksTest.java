package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.opsflow.catalog.CatalogDefinition.Parameter;
import io.opsflow.runbooks.DiagnosticRunbooks;

/**
 * The runbooks a customer imports must take exactly the parameters opsflow sends: each definition's
 * runbook is in {@code processes/runbooks/} and its {@code param(...)} block (read as text, no
 * PowerShell needed) declares the definition's parameters, mandatory exactly when the definition
 * requires a value and has no default, with the same default, each documented by a
 * {@code .PARAMETER} help section. Every other runbook there is one the diagnostic table names
 * ({@code io.opsflow.runbooks.DiagnosticRunbooksTest} checks those).
 */
public class RunbooksTest {

    private static final Path RUNBOOKS = Path.of("processes/runbooks");
    private static final Pattern PARAM_START = Pattern.compile("(?im)^\\s*param\\s*\\(");
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DEFAULT = Pattern.compile("=\\s*'([^']*)'\\s*$");

    public record Declared(String name, boolean mandatory, String defaultValue) {
    }

    @TestFactory
    Stream<DynamicTest> eachDefinitionsRunbookDeclaresExactlyItsParameters() {
        return CatalogDefinitionsTest.SHIPPED.all().stream().map(d -> DynamicTest.dynamicTest(d.id() + " → " + d.runbook(), () -> {
            Path file = RUNBOOKS.resolve(d.runbook() + ".ps1");
            assertThat(file).as("runbook file of %s", d.id()).exists();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, Declared> declared = paramBlock(text);
            assertThat(declared.keySet()).as("param(...) of %s", file).containsExactlyElementsOf(d.parameters().keySet());
            d.parameters().forEach((name, p) -> {
                Declared dec = declared.get(name);
                assertThat(dec.mandatory()).as("%s: %s is Mandatory", file, name).isEqualTo(mandatory(p));
                if (p.defaultValue() != null) {
                    assertThat(dec.defaultValue()).as("%s: default of %s", file, name).isEqualTo(p.defaultValue());
                }
                assertThat(text).as("%s documents %s", file, name).containsPattern("(?m)^\\.PARAMETER " + name + "\\s*$");
            });
            assertThat(text).contains("Connect-AzAccount -Identity").contains("$ErrorActionPreference = 'Stop'").contains("Write-Output");
        }));
    }

    @Test
    void everyRunbookBelongsToADefinitionOrTheDiagnosticTable() throws IOException {
        List<String> runbooks = Stream.concat(CatalogDefinitionsTest.SHIPPED.all().stream().map(d -> d.runbook()),
                DiagnosticRunbooks.named().stream()).map(r -> r + ".ps1").toList();
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ps1")))
                    .containsExactlyInAnyOrderElementsOf(runbooks);
        }
    }

    @Test
    void theParserReadsAttributesTypesAndDefaults() {
        Map<String, Declared> declared = paramBlock("""
                <# .PARAMETER A  help mentioning param(x) #>
                param(
                    [Parameter(Mandatory = $true)]
                    [ValidateSet('a', 'b')]
                    [string] $A,
                    [int] $B = 5,
                    [string] $C = 'x, $y'
                )
                $D = 1
                """);
        assertThat(declared).containsExactly(Map.entry("A", new Declared("A", true, null)),
                Map.entry("B", new Declared("B", false, null)), Map.entry("C", new Declared("C", false, "x, $y")));
    }

    private static boolean mandatory(Parameter p) {
        return p.isRequired() && p.defaultValue() == null;
    }

    /** The parameters of the script's top-level {@code param(...)} block, in order. */
    public static Map<String, Declared> paramBlock(String script) {
        String code = script.replaceAll("(?s)<#.*?#>", "");
        Matcher start = PARAM_START.matcher(code);
        assertThat(start.find()).as("a param(...) block").isTrue();
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (String segment : topLevelSegments(code, start.end())) {
            String outside = withoutBracketsAndStrings(segment);
            Matcher name = VARIABLE.matcher(outside);
            assertThat(name.find()).as("a parameter in: %s", segment).isTrue();
            Matcher defaultValue = DEFAULT.matcher(segment.strip());
            boolean mandatory = segment.replaceAll("\\s", "").matches("(?s).*Mandatory(=\\$true)?[,)].*");
            declared.put(name.group(1), new Declared(name.group(1), mandatory, defaultValue.find() ? defaultValue.group(1) : null));
        }
        return declared;
    }

    /** The parameter declarations: the block's text split at commas outside brackets and quotes. */
    private static List<String> topLevelSegments(String code, int from) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    segments.add(current.toString());
                    return segments.stream().filter(s -> !s.isBlank()).toList();
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                segments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new AssertionError("param( is never closed");
    }

    private static String withoutBracketsAndStrings(String segment) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : segment.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
