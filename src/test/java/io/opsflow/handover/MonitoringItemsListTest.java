package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.opsflow.messages.Messages;

/** The monitoring items list as the design team sends it: the demo sample, encodings, headers, quoting and every problem. */
class MonitoringItemsListTest {

    static final String SUB = "00000000-0000-4000-8000-000000000001";
    static final String VM_WEB = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01";
    static final String HEADER_JA = "監視項目,対象,種別,条件,閾値,重要度,頻度,通知,診断Runbook,手順\r\n";

    @Test
    void theDemoSampleInJapaneseHeadersReadsCleanIntoTypedItems() throws IOException {
        MonitoringItemsList list = MonitoringItemsList.parse(sample("monitoring-items-demo.csv"), "monitoring-items-demo.csv");

        assertThat(list.problems()).isEmpty();
        assertThat(list.items()).extracting(MonitoringItem::name, MonitoringItem::kind, MonitoringItem::row).containsExactly(
                tuple("Web01 CPU使用率", MonitoringKind.METRIC, 2),
                tuple("DB01 CPU使用率", MonitoringKind.METRIC, 3),
                tuple("VM 空きメモリ", MonitoringKind.LOG, 4),
                tuple("VM ディスク空き容量", MonitoringKind.LOG, 5),
                tuple("VM ハートビート途絶", MonitoringKind.LOG, 6),
                tuple("ショップ HTTP 5xx", MonitoringKind.METRIC, 7),
                tuple("売上DB DTU使用率", MonitoringKind.METRIC, 8),
                tuple("Azure サービス正常性", MonitoringKind.SERVICE_HEALTH, 9),
                tuple("ファイルサーバー D ドライブ使用率", MonitoringKind.ZABBIX, 10));

        MonitoringItem cpu = list.items().get(0);
        assertThat(cpu.target()).isEqualTo(new MonitoringTarget.AzureScope(VM_WEB, SUB, "Microsoft.Compute/virtualMachines"));
        assertThat(cpu.signal()).isEqualTo("Percentage CPU");
        assertThat(cpu.aggregation()).isEqualTo(MetricAggregation.AVERAGE);
        assertThat(cpu.operator()).isEqualTo(ComparisonOperator.GREATER_THAN);
        assertThat(cpu.threshold()).isEqualTo(new Threshold(new BigDecimal("90"), Threshold.Unit.PERCENT));
        assertThat(cpu.severity()).isEqualTo(Severity.SEV2);
        assertThat(cpu.evaluation()).isEqualTo(new Evaluation(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThat(cpu.notification()).isEqualTo(Notification.INCIDENT);
        assertThat(cpu.runbook()).isEqualTo("Get-OpsflowVmDiagnostics");
        assertThat(cpu.procedure()).isEqualTo(URI.create("https://wiki.demo.example.jp/ops/vm-cpu"));

        MonitoringItem heartbeat = list.items().get(4);
        assertThat(((MonitoringTarget.LogQuery) heartbeat.target()).query()).startsWith("Heartbeat\n| where Computer in (")
                .endsWith("| where LastHeartbeat < ago(5m)");
        assertThat(heartbeat.severity()).isEqualTo(Severity.SEV1);
        assertThat(heartbeat.threshold()).isEqualTo(new Threshold(BigDecimal.ZERO, Threshold.Unit.NONE));
        assertThat(heartbeat.evaluation()).isEqualTo(new Evaluation(Duration.ofMinutes(5), Duration.ofMinutes(5)));

        MonitoringItem http5xx = list.items().get(5);
        assertThat(http5xx.signal()).isEqualTo("Http5xx");
        assertThat(http5xx.aggregation()).isEqualTo(MetricAggregation.TOTAL);
        assertThat(http5xx.threshold()).isEqualTo(new Threshold(BigDecimal.TEN, Threshold.Unit.COUNT));

        MonitoringItem dtu = list.items().get(6);
        assertThat(((MonitoringTarget.AzureScope) dtu.target()).type()).isEqualTo("Microsoft.Sql/servers/databases");
        assertThat(dtu.operator()).isEqualTo(ComparisonOperator.GREATER_THAN_OR_EQUAL);

        MonitoringItem health = list.items().get(7);
        assertThat(health.target()).isEqualTo(new MonitoringTarget.AzureScope("/subscriptions/" + SUB, SUB,
                "Microsoft.Resources/subscriptions"));
        assertThat(health.signal()).isEqualTo("Incident,Maintenance");
        assertThat(health.operator()).isNull();
        assertThat(health.threshold()).isNull();
        assertThat(health.evaluation()).isNull();
        assertThat(health.severity()).isEqualTo(Severity.SEV3);

        MonitoringItem zabbix = list.items().get(8);
        assertThat(zabbix.target()).isEqualTo(new MonitoringTarget.ZabbixItem("demo-file01", "vfs.fs.size[D:,pused]"));
        assertThat(zabbix.threshold()).isEqualTo(new Threshold(new BigDecimal("90"), Threshold.Unit.PERCENT));
    }

    @Test
    void theYamlSampleHoldsTheSameItemsAndRowsAreItsLines() throws IOException {
        MonitoringItemsList csv = MonitoringItemsList.parse(sample("monitoring-items-demo.csv"), "monitoring-items-demo.csv");
        MonitoringItemsList yaml = MonitoringItemsList.parse(sample("monitoring-items-demo.yaml"), "monitoring-items-demo.yaml");

        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("row", "targetCell", "conditionCell").isEqualTo(csv.items());
        assertThat(yaml.items()).extracting(MonitoringItem::row).startsWith(3, 13);
        assertThat(yaml.items().get(0).targetCell()).isEqualTo(new MonitoringItem.Cell(4, "対象"));
    }

    @Test
    void shiftJisAsExcelSavesItInJapanReadsTheSame() throws IOException {
        String text = new String(sample("monitoring-items-demo.csv"), StandardCharsets.UTF_8);
        byte[] ms932 = text.getBytes(MonitoringItemsList.MS932);
        assertThat(ms932).isNotEqualTo(text.getBytes(StandardCharsets.UTF_8));

        MonitoringItemsList list = MonitoringItemsList.parse(ms932, "監視項目.csv");

        assertThat(list.problems()).isEmpty();
        assertThat(list.items()).isEqualTo(MonitoringItemsList.parse(sample("monitoring-items-demo.csv"), "x.csv").items());
    }

    @Test
    void englishHeadersInAnyOrderAndCaseWithABomAndFullWidthValues() {
        String csv = "\uFEFF Severity ,ITEM,Kind,  Target,Condition,threshold,Diagnostic Runbook,FREQUENCY\n"
                + "Sev1,Web CPU,metric," + VM_WEB + ",Percentage CPU (Maximum) greater than or equal,９５％,Get-OpsflowVmDiagnostics,PT5M\n"
                + "Critical,Web response,Metric," + VM_WEB + ",Percentage CPU lt,500 ms,,1h\n";

        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");

        assertThat(list.problems()).isEmpty();
        MonitoringItem first = list.items().get(0);
        assertThat(first.name()).isEqualTo("Web CPU");
        assertThat(first.severity()).isEqualTo(Severity.SEV1);
        assertThat(first.aggregation()).isEqualTo(MetricAggregation.MAXIMUM);
        assertThat(first.operator()).isEqualTo(ComparisonOperator.GREATER_THAN_OR_EQUAL);
        assertThat(first.threshold()).isEqualTo(new Threshold(new BigDecimal("95"), Threshold.Unit.PERCENT));
        assertThat(first.evaluation()).isEqualTo(new Evaluation(Duration.ofMinutes(5), Duration.ofMinutes(5)));
        assertThat(first.notification()).as("the default").isEqualTo(Notification.INCIDENT);
        assertThat(first.procedure()).isNull();
        MonitoringItem second = list.items().get(1);
        assertThat(second.severity()).isEqualTo(Severity.SEV0);
        assertThat(second.operator()).isEqualTo(ComparisonOperator.LESS_THAN);
        assertThat(second.threshold()).isEqualTo(new Threshold(new BigDecimal("500"), Threshold.Unit.MILLISECONDS));
        assertThat(second.evaluation().frequency()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsCountRecordsAsExcelDoes() {
        String csv = HEADER_JA
                + "\"CPU, \"\"web\"\"\"," + VM_WEB + ",metric,Percentage CPU >,90%,2,,,,\r\n"
                + "ハートビート,\"Heartbeat\r\n| where Computer == \"\"a,b\"\"\r\n| summarize max(TimeGenerated)\",log,>,0,1,,,,\r\n"
                + "壊れた行," + VM_WEB + ",metric,Percentage CPU >,九十,2,,,,\r\n";

        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");

        assertThat(list.items()).extracting(MonitoringItem::name).containsExactly("CPU, \"web\"", "ハートビート");
        assertThat(((MonitoringTarget.LogQuery) list.items().get(1).target()).query())
                .isEqualTo("Heartbeat\r\n| where Computer == \"a,b\"\r\n| summarize max(TimeGenerated)");
        assertThat(list.problems()).as("the line breaks in row 3 do not move row 4")
                .containsExactly(new Problem(4, "閾値", "threshold.invalid", List.of("九十")));
    }

    @Test
    void headerProblemsNameRowOneAndTheColumnAsWritten() {
        String csv = "監視項目,対象,種別,閾値,担当者,閾値 ,頻度\r\nCPU," + VM_WEB + ",metric,90%,山田,90%,5分\r\n";

        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");

        assertThat(list.items()).isEmpty();
        assertThat(list.problems()).containsExactly(
                new Problem(1, "担当者", "column.unknown", List.of("担当者")),
                new Problem(1, "閾値", "column.duplicate", List.of("閾値")),
                new Problem(1, "重要度", "column.missing", List.of("重要度")),
                new Problem(2, "条件", "value.required", List.of()));
        assertThat(list.problems().get(2).text(Messages.standalone(Locale.JAPANESE)))
                .isEqualTo("1行目「重要度」: 必須の列「重要度」がありません");
        assertThat(list.problems().get(0).text(Messages.standalone(Locale.ENGLISH)))
                .isEqualTo("Row 1, column \"担当者\": Unknown column \"担当者\"");
    }

    @Test
    void everyCellProblemNamesItsRowAndColumn() {
        String csv = HEADER_JA
                + "A,/subscriptions/x/vm,メトリック,Percentage CPU >,90%,2,,,,\r\n"
                + "B," + VM_WEB + ",監視,Percentage CPU >,90%,Sev9,,,,\r\n"
                + "C," + VM_WEB + ",metric,Percentage CPU ~,95 %%,2,5 fortnights,メール,1-bad,ftp://x/y\r\n"
                + "D," + VM_WEB + ",metric,>,150%,2,,,,\r\n"
                + "E,\"Heartbeat | where (a\",log,Count >,5 parsecs,2,,,,\r\n"
                + "F,SELECT * FROM Heartbeat,log,>,0,2,,,,\r\n"
                + "G,web01,zabbix,>,1,2,,,,\r\n"
                + "H,/subscriptions/" + SUB + "/resourceGroups/rg,service health,Outage,5,3,,,,\r\n"
                + ",,activity log,,,,,,,\r\n"
                + "A," + VM_WEB + ",metric,Percentage CPU (Median) >,1,2,,,,\r\n"
                + "A," + VM_WEB + ",metric,Percentage CPU >,1,2,,,,,extra\r\n"
                + "I,/subscriptions/" + SUB + "/resourceGroups/rg,activity log,VM を削除,,2,,,,\r\n";

        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");

        assertThat(list.items()).isEmpty();
        assertThat(list.problems()).extracting(Problem::row, Problem::column, Problem::code).containsExactly(
                tuple(2, "対象", "target.resourceId"),
                tuple(3, "種別", "kind.unknown"),
                tuple(3, "重要度", "severity.unknown"),
                tuple(4, "条件", "operator.unknown"),
                tuple(4, "閾値", "threshold.unit"),
                tuple(4, "頻度", "frequency.invalid"),
                tuple(4, "通知", "notification.unknown"),
                tuple(4, "診断Runbook", "runbook.invalid"),
                tuple(4, "手順", "procedure.invalid"),
                tuple(5, "条件", "condition.metricMissing"),
                tuple(5, "閾値", "threshold.percentRange"),
                tuple(6, "対象", "target.queryUnbalanced"),
                tuple(6, "条件", "condition.operatorOnly"),
                tuple(6, "閾値", "threshold.unit"),
                tuple(7, "対象", "target.queryStart"),
                tuple(8, "対象", "target.zabbix"),
                tuple(9, "対象", "target.subscription"),
                tuple(9, "条件", "condition.serviceHealthEvent"),
                tuple(9, "閾値", "value.notApplicable"),
                tuple(10, "監視項目", "value.required"),
                tuple(10, "対象", "value.required"),
                tuple(10, "重要度", "value.required"),
                tuple(11, "条件", "aggregation.unknown"),
                tuple(12, "K", "csv.beyondHeader"),
                tuple(13, "条件", "condition.operation"));
        assertThat(list.problems().get(4).args()).containsExactly("95 %%", "%%");
        assertThat(list.problems().get(11).args()).containsExactly("Heartbeat | where (a", "(");
        assertThat(list.problems()).allSatisfy(p -> {
            assertThat(p.text(Messages.standalone(Locale.JAPANESE))).isNotBlank();
            assertThat(p.text(Messages.standalone(Locale.ENGLISH))).isNotBlank();
        });
    }

    @Test
    void aRepeatedItemNameIsAProblemOnTheLaterRow() {
        String csv = HEADER_JA + "CPU," + VM_WEB + ",metric,Percentage CPU >,90%,2,,,,\r\n"
                + "cpu ," + VM_WEB + ",metric,Percentage CPU >,95%,1,,,,\r\n";

        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");

        assertThat(list.items()).hasSize(1);
        assertThat(list.problems()).containsExactly(new Problem(3, "監視項目", "item.duplicate", List.of("cpu", "2")));
    }

    @Test
    void yamlProblemsNameTheLineAndTheKeyAsWritten() {
        String yaml = """
                items:
                  - item: CPU
                    target: %s
                    kind: metric
                    condition: "Percentage CPU >"
                    threshold: 90 percent
                    Severity: warning
                    owner: yamada
                  - item: Heartbeat
                    kind: log
                    target: Heartbeat | where TimeGenerated > ago(5m)
                    condition: "<"
                    threshold: [1, 2]
                """.formatted(VM_WEB);

        MonitoringItemsList list = MonitoringItemsList.parse(yaml.getBytes(StandardCharsets.UTF_8), "items.yml");

        assertThat(list.items()).isEmpty();
        assertThat(list.problems()).containsExactly(
                new Problem(8, "owner", "column.unknown", List.of("owner")),
                new Problem(9, "severity", "value.required", List.of()),
                new Problem(13, "threshold", "yaml.notText", List.of()));
    }

    @Test
    void aYamlKeyTwiceInOneItemIsAProblemOnItsLine() {
        String yaml = """
                - 監視項目: CPU
                  対象: %s
                  種別: メトリック
                  条件: "Percentage CPU >"
                  閾値: 90%%
                  重要度: 警告
                  ＳＥＶＥＲＩＴＹ: 1
                """.formatted(VM_WEB);

        MonitoringItemsList list = MonitoringItemsList.parse(yaml.getBytes(StandardCharsets.UTF_8), "items.yaml");

        assertThat(list.items()).isEmpty();
        assertThat(list.problems()).containsExactly(new Problem(7, "ＳＥＶＥＲＩＴＹ", "column.duplicate", List.of("ＳＥＶＥＲＩＴＹ")));
    }

    @Test
    void whatIsNotAListAtAllIsOneProblem() {
        assertThat(MonitoringItemsList.parse("items: [\n".getBytes(StandardCharsets.UTF_8), "x.yaml").problems())
                .extracting(Problem::code).containsExactly("yaml.invalid");
        assertThat(MonitoringItemsList.parse("item: CPU\n".getBytes(StandardCharsets.UTF_8), "x.yaml").problems())
                .containsExactly(new Problem(1, "", "yaml.shape", List.of()));
        assertThat(MonitoringItemsList.parse(HEADER_JA.getBytes(StandardCharsets.UTF_8), "x.csv").problems())
                .containsExactly(new Problem(1, "", "empty", List.of()));
        assertThat(MonitoringItemsList.parse((HEADER_JA + "\"CPU,x\r\n").getBytes(StandardCharsets.UTF_8), "x.csv").problems())
                .containsExactly(new Problem(2, "", "csv.unclosedQuote", List.of()));
    }

    /** Every code the parser and the check can give has its text in both languages. */
    @Test
    void everyProblemCodeInTheSourcesIsInTheCatalogue() throws IOException {
        Pattern code = Pattern.compile("(?:RefusedValue\\(|Problem\\([^;]*?, |at\\([^;]*?, )\"([a-z]+(?:\\.[A-Za-z]+)?)\"");
        List<String> codes = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/opsflow/handover"))) {
            for (Path file : files.toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).contains("empty", "kind.unknown", "check.resourceNotFound", "check.metricUnknown", "column.missing");
        for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
            codes.forEach(c -> assertThat(new Problem(1, "x", c, List.of("a", "b")).text(Messages.standalone(locale))).as(c)
                    .isNotBlank());
        }
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("docs/samples", name));
    }
}
