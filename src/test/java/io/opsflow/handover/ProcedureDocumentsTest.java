package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * Both procedures of the demo customer's sample list, in Japanese and English: every item with what it
 * means, its first checks, runbook and escalation under its anchor, priorities and SLA targets as the
 * real decision tables give them; the PDF carries Japanese text in the embedded font.
 */
class ProcedureDocumentsTest {

    static final Path OUTPUT = Path.of("target/procedures");
    static final String WEB01 = "Web01 CPU使用率";
    /** Between a number and its unit, so that "1 時間" never breaks; the assertions read it as a space. */
    static final char NBSP = '\u00a0';

    static List<MonitoringItem> items;
    static ProcedureDocuments documents;

    @BeforeAll
    static void demoList() throws IOException {
        MonitoringItemsList list = MonitoringItemsList.parse(Files.readAllBytes(Path.of("docs/samples/monitoring-items-demo.csv")), "demo.csv");
        assertThat(list.problems()).isEmpty();
        items = list.items();
        assertThat(items).hasSize(9);
        documents = new ProcedureDocuments(Messages.standalone(Locale.JAPANESE).source(), decisionTablesAsFiled());
    }

    /** The decision tables of processes/incident/ evaluated as the engine does, without one. */
    static ProcedureDecisions decisionTablesAsFiled() throws IOException {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        Map<String, DmnDecision> tables = new HashMap<>();
        for (String key : List.of(ProcedureDecisions.PRIORITY, ProcedureDecisions.SLA_DEFAULTS)) {
            try (InputStream in = Files.newInputStream(Path.of("processes/incident/" + key + ".dmn"))) {
                tables.put(key, engine.parseDecision(key, in));
            }
        }
        return new ProcedureDecisions((key, variables) -> {
            DmnDecisionRuleResult row = engine.evaluateDecisionTable(tables.get(key), variables).getFirstResult();
            return row == null ? null : row.getEntryMap();
        });
    }

    static Customer demo(Map<String, Customer.SlaTarget> sla) {
        return new Customer("demo", "デモ株式会社", "ja", new Customer.Azure(null, List.of("00000000-0000-4000-8000-000000000001"), null, null),
                null, new Customer.Zabbix(List.of("Demo/Production")), null, sla, null);
    }

    @Test
    void theJapaneseOperatorProcedureHasEveryItemWithItsMeaningChecksRunbookAndEscalation() throws IOException {
        String md = documents.markdown(demo(Map.of()), items, ProcedureKind.OPERATOR, Locale.JAPANESE).replace(NBSP, ' ');
        write("operator-ja.md", md.getBytes(StandardCharsets.UTF_8));

        assertThat(md).startsWith("# オペレーション手順書 — デモ株式会社\n").contains("## アラートを受けたら", "## エスカレーション");
        for (MonitoringItem item : items) {
            String anchor = ProcedureDocument.anchor(item.name());
            assertThat(md).as(item.name()).contains("<a id=\"" + anchor + "\"></a>", "](<#" + anchor + ">)", ". " + item.name() + "\n",
                    "### 意味", "### 最初の確認", "### 診断 Runbook", "### エスカレーション");
        }
        // Sev2 → P3 with the default targets of incident-sla-defaults; Sev1 → P2; Sev3 → P4.
        assertThat(md).contains("vm-demo-web01 のメトリック「Percentage CPU」の平均が、5 分の期間で 90% を超えました。")
                .contains("Sev2 (警告) のアラートは優先度 P3 のインシデントになります。受付 1 時間、原因特定 8 時間、解決 3 日 以内が目標です。")
                .contains("担当オペレーターが対応する。", "Sev1 (重大) のアラートは優先度 P2", "Sev3 (情報) のアラートは優先度 P4")
                .contains("Runbook「Get-OpsflowVmDiagnostics」をお客様の Automation アカウントで実行し")
                .contains("Runbook「Get-OpsflowSqlDiagnostics」")
                .contains("この監視項目には診断 Runbook がありません。")
                .contains("Zabbix のホスト demo-file01 のアイテム vfs.fs.size[D:,pused] の値が 90% 以上になりました。".replace("[", "\\[").replace("]", "\\]"))
                .contains("下の Log Analytics クエリが返した行数が、5 分の期間で 0 件 を超えました。")
                .contains("```\nHeartbeat\n| where Computer in")
                .contains("サブスクリプション 00000000-0000-4000-8000-000000000001 に Azure サービス正常性のイベント (Incident, Maintenance)")
                .contains("[https://wiki.demo.example.jp/ops/vm-cpu](<https://wiki.demo.example.jp/ops/vm-cpu>)");
    }

    @Test
    void theEnglishOperatorProcedureSaysTheSameInEnglishWithTheCustomersOwnTargets() {
        Customer agreed = demo(Map.of("P3", new Customer.SlaTarget(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofDays(2))));
        String md = documents.markdown(agreed, items, ProcedureKind.OPERATOR, Locale.ENGLISH).replace(NBSP, ' ');

        assertThat(md).startsWith("# Operator procedure — デモ株式会社\n").contains("## When an alert arrives", "### What it means", "### First checks");
        items.forEach(item -> assertThat(md).contains(". " + item.name() + "\n"));
        assertThat(md).contains("The average of the metric \"Percentage CPU\" of vm-demo-web01 over 5 min was above 90%.")
                .contains("An alert of Sev2 (Warning) becomes an incident of priority P3. Targets: acknowledge within 30 min,"
                        + " identify the cause within 4 h, resolve within 2 d.")
                .contains("An alert of Sev1 (Error) becomes an incident of priority P2. Targets: acknowledge within 30 min,"
                        + " identify the cause within 2 h, resolve within 8 h.")
                .contains("The number of rows the Log Analytics query below returned over 15 min was above 0.")
                .contains("runs the runbook \"Get-OpsflowAppServiceDiagnostics\"")
                .contains("Heartbeat\n| where Computer in");
        String withoutNames = md.replace("デモ株式会社", "");
        for (MonitoringItem item : items) {
            withoutNames = withoutNames.replace(item.name(), "");
        }
        assertThat(withoutNames).as("only the names the list gives are Japanese").doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    }

    @Test
    void theAdministratorProcedureHasEachRuleWhereItLivesHowItChangesTheSlaAccountsAndGoLive() throws IOException {
        Customer agreed = demo(Map.of("P3", new Customer.SlaTarget(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofDays(2))));
        String ja = documents.markdown(agreed, items, ProcedureKind.ADMINISTRATOR, Locale.JAPANESE).replace(NBSP, ' ');
        write("administrator-ja.md", ja.getBytes(StandardCharsets.UTF_8));

        assertThat(ja).startsWith("# 運用手順書 — デモ株式会社\n")
                .contains("## 監視の構成", "## 監視ルール一覧", "## 監視設定の変更手順", "## SLA", "## アカウント管理", "## プレ運用テストと本番開始")
                .contains("/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-demo-prod/providers/Microsoft.Sql/servers/sql-demo-prod/databases/sales")
                .contains("| 設定先 | Azure Monitor のメトリック アラート ルール |", "| 設定先 | Zabbix のアイテムとトリガー |",
                        "| 設定先 | Azure Monitor のアクティビティ ログ アラート (サービス正常性) |", "| 閾値 | 80% |", "| 評価頻度 / 期間 | 5 分ごと / 15 分 |")
                .contains("Demo/Production", "/webhooks/zabbix/demo", "/webhooks/azure-monitor/demo")
                .contains("| P3 | 30 分 | 4 時間 | 2 日 | お客様と合意 |", "| P1 | 15 分 | 1 時間 | 4 時間 | 既定値 |")
                .contains("operator-account-add", "operator-account-remove", "テナント (demo)")
                .contains("ルールを手で変更しないでください");
        items.forEach(item -> assertThat(ja).contains("<a id=\"" + ProcedureDocument.anchor(item.name()) + "\"></a>"));

        String en = documents.markdown(agreed, items, ProcedureKind.ADMINISTRATOR, Locale.ENGLISH).replace(NBSP, ' ');
        assertThat(en).contains("| Configured in | Azure Monitor log search alert rule |", "| Threshold | 10 |", "| P3 | 30 min | 4 h | 2 d | Agreed with the customer |",
                "Never change a rule by hand");
    }

    @Test
    void thePdfOpensAndReadsInJapaneseWithItsLinksToTheItems() throws IOException {
        byte[] pdf = documents.pdf(demo(Map.of()), items, ProcedureKind.OPERATOR, Locale.JAPANESE);
        write("operator-ja.pdf", pdf);
        write("administrator-ja.pdf", documents.pdf(demo(Map.of()), items, ProcedureKind.ADMINISTRATOR, Locale.JAPANESE));
        write("operator-en.pdf", documents.pdf(demo(Map.of()), items, ProcedureKind.OPERATOR, Locale.ENGLISH));
        write("operator-ja.html", documents.html(demo(Map.of()), items, ProcedureKind.OPERATOR, Locale.JAPANESE,
                "/api/customers/demo/procedures/operator", null).getBytes(StandardCharsets.UTF_8));

        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("オペレーション手順書", "デモ株式会社", WEB01, "最初の確認", "エスカレーション", "Get-OpsflowVmDiagnostics");
        assertThat(reader.getNamedDestination().keySet()).containsAll(items.stream().map(i -> ProcedureDocument.anchor(i.name())).toList());
    }

    @Test
    void anItemsAnchorComesFromItsNameAloneAsTheListComparesNames() {
        assertThat(ProcedureDocument.anchor(WEB01)).matches("item-[0-9a-f]{10}")
                .isEqualTo(ProcedureDocument.anchor("Ｗｅｂ01  CPU使用率"))
                .isNotEqualTo(ProcedureDocument.anchor("DB01 CPU使用率"));
    }

    @Test
    void aNameOrQueryFromTheSpreadsheetIsTextInEveryFormatNeverMarkup() {
        String csv = "item,target,kind,condition,threshold,severity\n"
                + "\"<script>alert(1)</script> *bold* | pipe\",\"Heartbeat | where Computer == \"\"<b>\"\"\",log,>,0,2\n";
        List<MonitoringItem> crafted = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "x.csv").items();
        assertThat(crafted).hasSize(1);
        String html = documents.html(demo(Map.of()), crafted, ProcedureKind.OPERATOR, Locale.JAPANESE, "/api/customers/demo/procedures/operator", "<i>gone</i>");
        assertThat(html).doesNotContain("<script>", "<b>", "<i>").contains("&lt;script&gt;alert(1)&lt;/script&gt; *bold* | pipe",
                "Computer == &quot;&lt;b&gt;&quot;", "監視項目「&lt;i&gt;gone&lt;/i&gt;」は合意した監視項目一覧にありません",
                "<h2 id=\"" + ProcedureDocument.anchor("<script>alert(1)</script> *bold* | pipe") + "\">",
                "href=\"/api/customers/demo/procedures/operator.pdf?lang=ja\"", "English で読む");
        String md = documents.markdown(demo(Map.of()), crafted, ProcedureKind.OPERATOR, Locale.JAPANESE).replace(NBSP, ' ');
        assertThat(md).contains("\\<script>alert(1)\\</script> \\*bold\\* \\| pipe").doesNotContainPattern("(?<!\\\\)<script");
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve(name), bytes);
    }
}
