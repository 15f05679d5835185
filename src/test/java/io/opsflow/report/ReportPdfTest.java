package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.opsflow.messages.Messages;

/**
 * The PDF of a month whose figures are known: its text is extractable Japanese (or English) with
 * the numbers, the charts are images on the page, and the shipped font is embedded, not assumed.
 */
class ReportPdfTest {

    static final Path OUTPUT = Path.of("target/reports");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void japaneseReportHasTheFiguresTheChartsAndTheEmbeddedFont() throws IOException {
        byte[] pdf = ReportPdf.render(november(), "報告A株式会社", Messages.standalone(Locale.JAPANESE));
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("report-ja.pdf"), pdf);

        PdfReader reader = new PdfReader(pdf);
        String text = text(reader);
        assertThat(text).contains("報告A株式会社", "2026年11月", "インシデント", "サービスリクエスト", "優先度", "SLA 違反一覧", "推移");
        // Headline and tables: 12 opened, resolve SLA 80%, p90 time to resolve 1,440 min, a breach not reached yet.
        assertThat(text).contains("12", "80%", "1,440", "INC0012345", "INC0012399", "未到達", "30% (3/10)", "vm-cpu-high 5");
        // Nothing decided (identify-cause SLA, request automation, approval waits): a dash, never 0 %.
        assertThat(text).contains(ReportPdfStyle.EMPTY).doesNotContainPattern("(?<![\\d.,])0(\\.0)?\\s?%");

        assertThat(images(reader, 1)).as("both charts on the first page").isEqualTo(2);
        List<String> embedded = embeddedTrueTypeFonts(reader);
        assertThat(embedded).isNotEmpty().allMatch(name -> name.endsWith("+IPAexGothic"));
        assertThat(fontDescriptors(reader)).as("no font left to the reader's system").isEqualTo(embedded.size());
    }

    @Test
    void englishReportReadsEnglish() throws IOException {
        byte[] pdf = ReportPdf.render(november(), "Report A Ltd.", Messages.standalone(Locale.ENGLISH));
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("report-en.pdf"), pdf);

        String text = text(new PdfReader(pdf));
        assertThat(text).contains("Report A Ltd. monthly operations report, November 2026", "The month at a glance",
                "SLA breaches", "Not reached yet", "1,440", "80%");
        // Catalog item names are the customer's data and stay as they are; no label is Japanese.
        assertThat(text).doesNotContain("インシデント", "優先度", "中央値", "推移", "月次");
    }

    @Test
    void aMonthWithNothingStillRenders() throws IOException {
        byte[] pdf = ReportPdf.render(emptyMonth(), "報告A株式会社", Messages.standalone(Locale.JAPANESE));
        String text = text(new PdfReader(pdf));
        assertThat(text).contains("今月の SLA 違反はありません。", ReportPdfStyle.EMPTY).doesNotContainPattern("(?<![\\d.,])0(\\.0)?\\s?%");
    }

    @Test
    void serviceFiguresShowPerResourceAndAMonthNobodyCollectedSaysSo() throws IOException {
        MonthlyReport n = november();
        MonthlyReport withServices = new MonthlyReport(n.customerId(), n.month(), n.timeZone(), n.asOf(), n.incidents(), n.requests(),
                n.microsoftTickets(), n.trend(), ServiceFigureTexts.services());
        byte[] pdf = ReportPdf.render(withServices, "報告A株式会社", Messages.standalone(Locale.JAPANESE));
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("report-services-ja.pdf"), pdf);

        String text = text(new PdfReader(pdf));
        assertThat(text).contains("サービス稼働・利用状況", "vm-acme-web01", "99.17%", "(Resource Health)", "50%", "(ハートビート)",
                "CPU 使用率 p95 (%): 19", "5xx 率: 1%", "リクエスト数: 600", "DTU ピーク (%): データなし", "セッション数: 42", "AVD ホストプール");
        assertThat(text(new PdfReader(ReportPdf.render(n, "報告A株式会社", Messages.standalone(Locale.JAPANESE)))))
                .contains("この月は未収集です").doesNotContain("vm-acme-web01");
    }

    /** November 2026 with all kinds of figures, including rates of nothing. */
    static MonthlyReport november() {
        Map<String, Durations> acknowledge = new LinkedHashMap<>();
        acknowledge.put("P1", new Durations(2, minutes(8), minutes(12)));
        acknowledge.put("P2", new Durations(4, minutes(15), minutes(22)));
        acknowledge.put("P3", new Durations(5, minutes(18), minutes(37)));
        acknowledge.put("all", new Durations(11, minutes(15), minutes(37)));
        Map<String, Durations> resolve = new LinkedHashMap<>();
        resolve.put("P1", new Durations(2, minutes(95), minutes(130)));
        resolve.put("P3", new Durations(5, minutes(300), minutes(1440)));
        resolve.put("all", new Durations(10, minutes(180), minutes(1440)));
        MonthlyReport.Incidents incidents = new MonthlyReport.Incidents(12, 10, 3,
                Map.of("azure-monitor", 7, "servicenow", 2, "zabbix", 3), new TreeMap<>(Map.of("P1", 2, "P2", 4, "P3", 6)),
                acknowledge, Map.of("all", new Durations(5, minutes(45), minutes(95))), resolve,
                List.of(new MonthlyReport.SlaTarget("acknowledge", 10, 1, 10 / 11.0),
                        new MonthlyReport.SlaTarget("identifyCause", 0, 0, null),
                        new MonthlyReport.SlaTarget("resolve", 8, 2, 0.8)),
                List.of(new MonthlyReport.SlaBreach("INC0012345", "pi-1", "P1", "resolve", at("2026-11-03T05:00:00Z"), at("2026-11-03T07:10:00Z")),
                        new MonthlyReport.SlaBreach("INC0012399", "pi-2", "P2", "acknowledge", at("2026-11-29T01:00:00Z"), null)),
                1, new MonthlyReport.Alerts(40, 12, 1), MonthlyReport.Share.of(3, 10), MonthlyReport.Share.of(4, 9),
                List.of(new MonthlyReport.Ranked("vm-cpu-high", 5), new MonthlyReport.Ranked("sql-dtu", 2)),
                List.of(new MonthlyReport.Ranked("/subscriptions/s/vm-web01", 4)));
        MonthlyReport.Requests requests = new MonthlyReport.Requests(7, Map.of("VM 再起動", 4, "ディスク拡張", 3),
                new Durations(5, minutes(95), minutes(240)), new Durations(0, null, null), 4, 1, 1, MonthlyReport.Share.of(0, 0));
        MonthlyReport.MicrosoftTickets microsoft = new MonthlyReport.MicrosoftTickets(2, new Durations(2, minutes(30), minutes(55)), 1);
        List<MonthlyReport.Trend> trend = List.of(
                new MonthlyReport.Trend(YearMonth.of(2026, 8), 5, 4, minutes(120), 0.75, 3, 0.5),
                new MonthlyReport.Trend(YearMonth.of(2026, 9), 8, 8, minutes(150), 1.0, 6, 0.6),
                new MonthlyReport.Trend(YearMonth.of(2026, 10), 0, 1, null, null, 0, null),
                new MonthlyReport.Trend(YearMonth.of(2026, 11), 12, 10, minutes(180), 0.8, 7, null));
        return new MonthlyReport("customer-a", YearMonth.of(2026, 11), "Asia/Tokyo", at("2026-12-01T00:00:00Z"), incidents, requests,
                microsoft, trend);
    }

    static MonthlyReport emptyMonth() {
        Durations none = new Durations(0, null, null);
        MonthlyReport.Share nothing = MonthlyReport.Share.of(0, 0);
        MonthlyReport.Incidents incidents = new MonthlyReport.Incidents(0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                List.of(new MonthlyReport.SlaTarget("acknowledge", 0, 0, null), new MonthlyReport.SlaTarget("identifyCause", 0, 0, null),
                        new MonthlyReport.SlaTarget("resolve", 0, 0, null)),
                List.of(), 0, new MonthlyReport.Alerts(0, 0, 0), nothing, nothing, List.of(), List.of());
        List<MonthlyReport.Trend> trend = new ArrayList<>();
        for (int m = 8; m <= 11; m++) {
            trend.add(new MonthlyReport.Trend(YearMonth.of(2026, m), 0, 0, null, null, 0, null));
        }
        return new MonthlyReport("customer-a", YearMonth.of(2026, 11), "Asia/Tokyo", at("2026-12-01T00:00:00Z"), incidents,
                new MonthlyReport.Requests(0, Map.of(), none, none, 0, 0, 0, nothing), new MonthlyReport.MicrosoftTickets(0, none, 0), trend);
    }

    private static String text(PdfReader reader) throws IOException {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static int images(PdfReader reader, int page) {
        PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
        PdfDictionary xObjects = resources.getAsDict(PdfName.XOBJECT);
        if (xObjects == null) {
            return 0;
        }
        int images = 0;
        for (PdfName name : xObjects.getKeys()) {
            PdfObject object = PdfReader.getPdfObject(xObjects.get(name));
            if (object instanceof PdfStream stream && PdfName.IMAGE.equals(stream.getAsName(PdfName.SUBTYPE))) {
                images++;
            }
        }
        return images;
    }

    /** Font names of the font descriptors that carry a TrueType font program (FontFile2). */
    private static List<String> embeddedTrueTypeFonts(PdfReader reader) {
        List<String> names = new ArrayList<>();
        for (PdfDictionary descriptor : fontDescriptorList(reader)) {
            if (descriptor.get(PdfName.FONTFILE2) != null) {
                names.add(PdfName.decodeName(descriptor.getAsName(PdfName.FONTNAME).toString()));
            }
        }
        return names;
    }

    private static int fontDescriptors(PdfReader reader) {
        return fontDescriptorList(reader).size();
    }

    private static List<PdfDictionary> fontDescriptorList(PdfReader reader) {
        List<PdfDictionary> descriptors = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary dictionary && PdfName.FONTDESCRIPTOR.equals(dictionary.getAsName(PdfName.TYPE))) {
                descriptors.add(dictionary);
            }
        }
        return descriptors;
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
