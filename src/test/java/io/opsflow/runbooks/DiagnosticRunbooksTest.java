package io.opsflow.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.RunbooksTest;
import io.opsflow.incident.IncidentVariables;

/**
 * The diagnostic runbooks a real Automation account needs are the ones the decision table names,
 * each taking exactly the parameters the incident process sends, documenting and declaring the
 * README's check ids and writing one JSON object. Read as text: no PowerShell here.
 */
class DiagnosticRunbooksTest {

    private static final Pattern ADD_CHECK_LITERAL = Pattern.compile("Add-(?:Check|MetricCheck|CountCheck|PercentCheck|ServiceCheck) '([^']+)'");

    @Test
    void theTableNamesTheFiveDiagnosticRunbooks() {
        assertThat(DiagnosticRunbooks.named()).containsExactlyInAnyOrder("Get-OpsflowVmDiagnostics", "Get-OpsflowSqlDiagnostics",
                "Get-OpsflowAppServiceDiagnostics", "Get-OpsflowCosmosDbDiagnostics", "Get-OpsflowAvdDiagnostics");
    }

    @Test
    void theTableMapsEachDocumentedResourceTypeAndNothingElse() throws Exception {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        try (InputStream in = Files.newInputStream(DiagnosticRunbooks.TABLE)) {
            decision = engine.parseDecision("diagnostic-runbook", in);
        }
        Matcher row = Pattern.compile("(?m)^\\| `([a-z./]+)` \\| `(Get-Opsflow\\w+)` \\|\\s*$").matcher(DiagnosticRunbooks.readme());
        Map<String, String> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented).hasSize(5).containsEntry("microsoft.documentdb/databaseaccounts", "Get-OpsflowCosmosDbDiagnostics")
                .containsEntry("microsoft.desktopvirtualization/hostpools/sessionhosts", "Get-OpsflowAvdDiagnostics");
        documented.forEach((type, runbook) -> assertThat(evaluate(engine, decision, type)).as(type).isEqualTo(runbook));
        assertThat(evaluate(engine, decision, "microsoft.network/networksecuritygroups")).isNull();
        assertThat(evaluate(engine, decision, null)).isNull();
    }

    @TestFactory
    Stream<DynamicTest> eachNamedRunbookTakesWhatTheProcessPasses() throws Exception {
        List<String> passed = parametersThePreparingDelegatePasses();
        assertThat(passed).as("the delegate's parameters").containsExactly("AlertId", "TargetResource");
        return DiagnosticRunbooks.named().stream().map(runbook -> DynamicTest.dynamicTest(runbook, () -> {
            assertThat(DiagnosticRunbooks.RUNBOOKS.resolve(runbook + ".ps1")).exists();
            String script = DiagnosticRunbooks.script(runbook);
            Map<String, RunbooksTest.Declared> declared = RunbooksTest.paramBlock(script);
            assertThat(declared.keySet()).containsExactlyElementsOf(passed);
            assertThat(declared.get("TargetResource").mandatory()).isTrue();
            assertThat(declared.get("AlertId").mandatory()).as("AlertId is optional").isFalse();
            passed.forEach(p -> assertThat(script).containsPattern("(?m)^\\.PARAMETER " + p + "\\s*$"));
            assertThat(script).contains("Connect-AzAccount -Identity").contains("$ErrorActionPreference = 'Stop'");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRunbookDeclaresTheDocumentedCheckIds() {
        Map<String, Map<String, List<String>>> documented = DiagnosticRunbooks.documentedCheckIds();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(DiagnosticRunbooks.named());
        return documented.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String script = DiagnosticRunbooks.script(e.getKey());
            List<String> all = new ArrayList<>();
            e.getValue().forEach((os, ids) -> {
                String variable = switch (os) {
                    case "windows" -> e.getKey().equals("Get-OpsflowVmDiagnostics") ? "WindowsCheckIds" : "CheckIds";
                    case "linux" -> "LinuxCheckIds";
                    default -> "CheckIds";
                };
                assertThat(DiagnosticRunbooks.declaredCheckIds(script, variable)).as("%s %s", e.getKey(), os).containsExactlyElementsOf(ids);
                all.addAll(ids);
            });
            Matcher literal = ADD_CHECK_LITERAL.matcher(script);
            while (literal.find()) {
                assertThat(all).as("%s reports only documented checks", e.getKey()).contains(literal.group(1));
            }
            // The guest scripts' section markers are the Linux/Windows ids, so a renamed id is caught there too.
            Matcher section = Pattern.compile("### ([a-z][a-z.]*[a-z])(?=['\"\\s])").matcher(script);
            while (section.find()) {
                if (!section.group(1).equals("os")) {
                    assertThat(all).as("guest section of %s", e.getKey()).contains(section.group(1));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRunbookWritesOneBoundedJsonObjectAndReportsWhatCannotRunAsUnknown() {
        return DiagnosticRunbooks.named().stream().map(runbook -> DynamicTest.dynamicTest(runbook, () -> {
            String script = DiagnosticRunbooks.script(runbook);
            assertThat(count(script, "Write-Output")).as("its output only through Write-Diagnostics").isZero();
            assertThat(script).as("the shared contract, reset for this job")
                    .containsPattern("\nImport-Module OpsflowDiagnostics[^\n]*\nStart-OpsflowDiagnostics -TargetResource \\$TargetResource\n");
            assertThat(count(script, "\nWrite-Diagnostics ")).as("called once, at the end").isEqualTo(1);
            assertThat(script.strip()).containsPattern("\nWrite-Diagnostics [^\n]+$");
            assertThat(script).as("what cannot run is unknown: said here, or by the module's Add-MetricCheck")
                    .containsPattern("Add-Check [^\\n]*'unknown'|\nAdd-MetricCheck '");
            assertThat(script).as("read-only: no Az cmdlet that changes anything but the job's own context")
                    .doesNotContainPattern("(Set|Remove|Update|Stop|Start|Restart|New|Add)-Az(?!Context)");
        }));
    }

    @Test
    void theSharedModuleWritesOneBoundedJsonObjectAndExportsWhatTheRunbooksCall() throws Exception {
        Path module = Path.of("processes/runbooks/modules/OpsflowDiagnostics/OpsflowDiagnostics.psm1");
        String code = Files.readString(module);
        assertThat(count(code, "Write-Output")).as("one Write-Output, in Write-Diagnostics").isEqualTo(1);
        assertThat(code).contains("ConvertTo-Json -Depth 5 -Compress").contains("schema    = '" + DiagnosticRunbooks.SCHEMA + "'");
        assertThat(code).contains("$MaxDetail = 500").contains("$script:Truncated = $true").contains("id = $script:Target;")
                .as("a metric that cannot be read is unknown, not fatal").containsPattern("catch \\{\\s*Add-Check \\$Id 'unknown'");
        Matcher exported = Pattern.compile("Export-ModuleMember -Function ([^\n]+)").matcher(code);
        assertThat(exported.find()).isTrue();
        List<String> functions = List.of(exported.group(1).split(",\\s*"));
        Matcher defined = Pattern.compile("\nfunction ([A-Za-z-]+)").matcher(code);
        List<String> definedNames = new ArrayList<>();
        while (defined.find()) {
            definedNames.add(defined.group(1));
        }
        assertThat(functions).containsExactlyInAnyOrderElementsOf(definedNames);
        String manifest = Files.readString(module.resolveSibling("OpsflowDiagnostics.psd1"));
        for (String function : functions) {
            assertThat(manifest).contains("'" + function + "'");
        }
        for (String runbook : DiagnosticRunbooks.named()) {
            String script = DiagnosticRunbooks.script(runbook);
            assertThat(script).as("%s defines none of the shared functions again", runbook).doesNotContainPattern(
                    "\nfunction (" + String.join("|", functions) + ")\\b");
        }
    }

    @Test
    void theVmRunbookChoosesByOsDiskAndRunsInTheGuestThroughRunCommand() {
        String script = DiagnosticRunbooks.script("Get-OpsflowVmDiagnostics");
        assertThat(script).contains("$vm.StorageProfile.OsDisk.OsType").contains("Invoke-AzVMRunCommand")
                .contains("-CommandId 'RunPowerShellScript'").contains("-CommandId 'RunShellScript'")
                .contains("journalctl -p err").contains("/var/log/messages").contains("systemctl list-units --state=failed")
                .contains("Get-WinEvent").contains("RebootPending").contains("catalina.out").contains("/var/log/httpd/error_log");
        // A VM that is not running gives unknown checks, not a failed job.
        assertThat(script).containsPattern("if \\(\\$power -ne 'VM running'\\) \\{\\s*foreach \\(\\$id in \\$ids\\) \\{ Add-Check \\$id 'unknown'");
    }

    /**
     * The Linux guest script is plain bash: run here (not RHEL, but bash, coreutils, procps), it
     * must succeed, answer every Linux check in a section and stay under Run Command's 4 KB.
     */
    @Test
    void theLinuxGuestScriptRunsAndAnswersEveryCheckWithinRunCommandsOutputLimit() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        String script = DiagnosticRunbooks.script("Get-OpsflowVmDiagnostics");
        Matcher body = Pattern.compile("(?s)\\$LinuxGuestScript = @'\\n(.*?)\\n'@").matcher(script);
        assertThat(body.find()).isTrue();
        Path file = Files.createTempFile("linux-guest", ".sh");
        Files.writeString(file, body.group(1));
        Process bash = new ProcessBuilder("/bin/bash", file.toString()).redirectErrorStream(false).start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("exit code; output:%n%s", out).isZero();
        assertThat(out.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(4096);
        List<String> sections = Pattern.compile("(?m)^### (\\S+)$").matcher(out).results().map(m -> m.group(1)).toList();
        assertThat(sections).containsExactlyElementsOf(Stream.concat(Stream.of("os"),
                DiagnosticRunbooks.documentedCheckIds().get("Get-OpsflowVmDiagnostics").get("linux").stream()).toList());
        assertThat(out).containsPattern("(?m)^uptime=\\d+$").containsPattern("(?m)^count=\\d+$").contains("installed=");
    }

    private static String evaluate(DmnEngine engine, DmnDecision decision, String type) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", "acme");
        variables.put("ruleName", "any rule");
        variables.put("targetResourceType", type);
        var result = engine.evaluateDecisionTable(decision, variables).getSingleResult();
        return result == null ? null : result.getSingleEntry();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /** Runs the real PrepareDiagnosticRunbookDelegate and reads back the parameters it hands to runbook-job. */
    @SuppressWarnings("unchecked")
    private static List<String> parametersThePreparingDelegatePasses() throws Exception {
        Class<?> type = Class.forName("io.opsflow.incident.PrepareDiagnosticRunbookDelegate");
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Object[] arguments = Stream.of(constructor.getParameterTypes()).map(t -> mock(t, RETURNS_DEEP_STUBS)).toArray();
        JavaDelegate delegate = (JavaDelegate) constructor.newInstance(arguments);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> "value-of-" + call.getArgument(0));
        delegate.execute(execution);
        ArgumentCaptor<Object> value = ArgumentCaptor.forClass(Object.class);
        verify(execution).setVariable(org.mockito.ArgumentMatchers.eq(IncidentVariables.DIAGNOSTIC_PARAMETERS), value.capture());
        Map<String, Object> parameters = new ObjectMapper().readValue((String) value.getValue(), LinkedHashMap.class);
        assertThat(parameters).containsEntry("TargetResource", "value-of-" + IncidentVariables.TARGET_RESOURCE);
        return List.copyOf(parameters.keySet());
    }
}
