package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.opsflow.messages.Messages;

/** A diagnostic runbook's output as the operator reads it: worst first, in the customer's language, bounded. */
class DiagnosticSummaryTest {

    static final Messages.Texts JA = Messages.standalone(Locale.JAPANESE);
    static final Messages.Texts EN = Messages.standalone(Locale.ENGLISH);

    /** A Windows VM as Get-OpsflowVmDiagnostics reports it (opsflow.diagnostics/v1), checks in the runbook's order. */
    static final String WINDOWS_VM = """
            {"schema":"opsflow.diagnostics/v1",
             "resource":{"id":"/subscriptions/0000/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01",
                         "type":"microsoft.compute/virtualmachines","os":"windows","osVersion":"Windows Server 2019 Datacenter"},
             "checks":[
               {"id":"boot.last","status":"ok","value":"2026-11-30T02:10:00Z","detail":null},
               {"id":"windows.services.stopped","status":"warning","value":"1 stopped","detail":"W3SVC (World Wide Web Publishing Service)"},
               {"id":"disk.free","status":"critical","value":"C: 3%","detail":"C: 2.9 GB free of 127 GB"},
               {"id":"vendor.agent.health","status":"degraded","value":"agent 7.2 late"}],
             "truncated":false}
            """;

    @Test
    void aReportIsCountedAndListedWorstFirstInJapanese() {
        assertThat(DiagnosticSummary.of(WINDOWS_VM, JA)).isEqualTo("""
                重大 1 件、警告 1 件、不明 1 件、正常 1 件
                リソース vm-acme-web01: Windows Server 2019 Datacenter
                【重大】ディスク空き容量: C: 3%
                  C: 2.9 GB free of 127 GB
                【警告】停止中の自動起動サービス: 1 stopped
                  W3SVC (World Wide Web Publishing Service)
                【不明】vendor.agent.health: agent 7.2 late
                【正常】最終起動: 2026-11-30T02:10:00Z""");
    }

    @Test
    void theSameReportReadsInEnglishForAnEnglishCustomer() {
        String summary = DiagnosticSummary.of(WINDOWS_VM, EN);
        assertThat(summary).isEqualTo("""
                Critical 1, warning 1, unknown 1, ok 1
                Resource vm-acme-web01: Windows Server 2019 Datacenter
                [Critical] Free disk space: C: 3%
                  C: 2.9 GB free of 127 GB
                [Warning] Stopped automatic services: 1 stopped
                  W3SVC (World Wide Web Publishing Service)
                [Unknown] vendor.agent.health: agent 7.2 late
                [OK] Last boot: 2026-11-30T02:10:00Z""");
        assertThat(summary).doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    }

    @Test
    void everyCheckIdOfTheContractHasANameInBothLanguages() {
        String ids = "windows.eventlog.errors windows.services.stopped disk.free processes.top boot.last reboot.pending "
                + "linux.journal.errors linux.units.failed linux.httpd linux.tomcat sql.cpu sql.dtu sql.io sql.deadlocks "
                + "resource.state appservice.http5xx appservice.responsetime appservice.restarts cosmos.throttled cosmos.ru "
                + "avd.sessionhost.status avd.sessions";
        for (String id : ids.split(" ")) {
            String report = "{\"checks\":[{\"id\":\"" + id + "\",\"status\":\"ok\"}]}";
            assertThat(DiagnosticSummary.of(report, JA)).as(id).doesNotContain(id).contains("【正常】");
            assertThat(DiagnosticSummary.of(report, EN)).as(id).doesNotContain(id).contains("[OK]");
        }
    }

    @Test
    void longValuesAndDetailsAreClippedAndManyChecksAreCountedNotListed() {
        String checks = IntStream.range(0, 40)
                .mapToObj(i -> "{\"id\":\"linux.journal.errors\",\"status\":\"" + (i == 39 ? "critical" : "warning") + "\",\"value\":\""
                        + "v".repeat(1000) + "\",\"detail\":\"" + "line\\n".repeat(100) + "\"}")
                .collect(Collectors.joining(",", "{\"schema\":\"opsflow.diagnostics/v1\",\"checks\":[", "],\"truncated\":true}"));
        String summary = DiagnosticSummary.of(checks, EN);
        String[] lines = summary.split("\n");
        assertThat(lines[0]).isEqualTo("Critical 1, warning 39, unknown 0, ok 0");
        // The one critical check, last in the runbook's output, comes first.
        assertThat(lines[1]).startsWith("[Critical] Journal errors: vvv").endsWith("v…").hasSize("[Critical] Journal errors: ".length()
                + DiagnosticSummary.MAX_VALUE);
        assertThat(lines[2]).startsWith("  line line").endsWith("…").hasSize(2 + DiagnosticSummary.MAX_DETAIL);
        long shown = summary.lines().filter(l -> l.startsWith("[")).count();
        assertThat(shown).isPositive().isLessThanOrEqualTo(DiagnosticSummary.MAX_CHECKS);
        assertThat(summary).contains("… " + (40 - shown) + " more checks not shown")
                .endsWith("The runbook shortened its own output.");
        assertThat(summary.length()).isLessThan(DiagnosticSummary.MAX_CHARS + 200);
    }

    @Test
    void aReportAmongOtherOutputIsStillRead() {
        String output = "WARNING: Az.Compute 9.1 is deprecated\n" + WINDOWS_VM.replace("\n", "") + "\n\n";
        assertThat(DiagnosticSummary.of(output, EN)).startsWith("Critical 1, warning 1, unknown 1, ok 1\n");
    }

    @Test
    void outputThatIsNoReportIsShownAsItsFirstLines() {
        String output = IntStream.rangeClosed(1, 15).mapToObj(i -> "Get-CimInstance line " + i).collect(Collectors.joining("\n"));
        String ja = DiagnosticSummary.of(output, JA);
        assertThat(ja).startsWith("出力が opsflow の診断形式ではありません。先頭部分:\nGet-CimInstance line 1\n")
                .contains("Get-CimInstance line 10\n… 他 5 行").doesNotContain("line 11");
        assertThat(DiagnosticSummary.of(output, EN)).contains("Get-CimInstance line 10\n… 5 more lines");
        assertThat(DiagnosticSummary.of("{\"status\":\"ok\"}", EN)).startsWith("The output is not in the opsflow diagnostics format");
        assertThat(DiagnosticSummary.of("x".repeat(5000), EN).length()).isLessThan(400);
    }

    @Test
    void noOutputAndNoChecksAreSaid() {
        assertThat(DiagnosticSummary.of("  \n", JA)).isEqualTo("Runbook の出力はありません。");
        assertThat(DiagnosticSummary.of(null, EN)).isEqualTo("The runbook wrote no output.");
        assertThat(DiagnosticSummary.of("{\"schema\":\"opsflow.diagnostics/v1\",\"checks\":[],\"truncated\":false}", EN))
                .isEqualTo("Critical 0, warning 0, unknown 0, ok 0\nThe runbook reported no checks.");
    }
}
