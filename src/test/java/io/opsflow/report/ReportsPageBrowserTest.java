package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/**
 * The reports page as a manager's browser shows it: headless Debian Chromium in Japanese (and once in
 * English) against the whole application, with a November 2026 of known figures written straight
 * into the reporting projection. The manager of A signs in on the page's own form, is offered A and
 * not B, reads A's figures, charts and Cockpit links, exports the CSV, and asking for B by URL shows
 * the API's refusal and nothing of B. Writes {@code target/screenshots/reports-ja.png} for people to
 * look at. Skipped where Chromium and its driver are not installed, as
 * {@code TasklistJapaneseScreenshotTest}.
 */
@Tag("browser")
@OpsflowSpringTest
class ReportsPageBrowserTest {

    /** Own customers, not ReportApiTest's: the context is shared and that test expects an empty month. */
    static final String A = "reports-page-a";
    static final String B = "reports-page-b";
    static final String MANAGER = "manager-of-reports-page-a";
    static final String ID = "reports-page-";

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Path DOWNLOADS = Path.of("target", "downloads", "reports-page").toAbsolutePath();

    @LocalServerPort
    int port;
    @Autowired
    TestIdentities identities;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServiceFigureStore serviceFigures;
    @Autowired
    ReportArchive archive;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void aManagerOfAAndAKnownNovember() throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Chromium and chromium-driver are not installed");
        customers.save(new Customer(A, "報告ページA株式会社", "ja", null, null, null, null, Map.of(), null));
        customers.save(new Customer(B, "Reports Page B Ltd", "en", null, null, null, null, Map.of(), null));
        identities.user(MANAGER, List.of(Roles.MANAGERS_GROUP), List.of(A));
        removeHistory();
        november();
        serviceFigures.replace(A, YearMonth.of(2026, 11), Instant.parse("2026-12-01T01:00:00Z"), ServiceFigureTexts.collected());
        jdbc.update("delete from opsflow_report_archive where customer_id in (?, ?)", A, B);
        ReportArchive.Entry issued = archive.add(A, YearMonth.of(2026, 11), "ja", null, "%PDF-1.4 issued".getBytes(StandardCharsets.US_ASCII));
        archive.review(issued.id(), "op.tanaka", "11 月は大きな障害はありませんでした。", "%PDF-1.4 issued".getBytes(StandardCharsets.US_ASCII),
                ReportArchive.Status.ARCHIVED);
        archive.sent(issued.id(), "6ea6b8fb4f31120058f5a1f14210c7d3");
        Files.createDirectories(DOWNLOADS);
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        removeHistory();
    }

    @Test
    void aJapaneseManagerReadsTheirCustomersMonthExportsItAndIsRefusedAnother() throws IOException {
        open("ja-JP", "ja");
        browser.get(page("?customer=" + A + "&month=2026-11"));

        WebElement signIn = wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button")));
        assertThat(signIn.getText()).isEqualTo("サインイン");
        // Another user: a refused password delays its user's next check (Camunda's login delay).
        signIn("nobody-of-reports-page", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-message"), "ユーザー名またはパスワードが正しくありません"));
        assertThat(js("return sessionStorage.length")).as("a refused password is not kept").isEqualTo(0L);

        signIn(MANAGER, TestIdentities.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "報告ページA株式会社 — 2026年11月"));

        Select customer = new Select(browser.findElement(By.id("customer")));
        assertThat(customer.getOptions()).extracting(o -> o.getAttribute("value")).contains(A).doesNotContain(B);
        Select month = new Select(browser.findElement(By.id("month")));
        assertThat(month.getFirstSelectedOption().getAttribute("value")).isEqualTo("2026-11");
        assertThat(month.getFirstSelectedOption().getText()).isEqualTo("2026年11月");
        assertThat(browser.getTitle()).isEqualTo("opsflow 運用レポート");

        assertThat(text("tile-opened")).contains("受付件数", "3");
        assertThat(text("tile-resolved")).contains("解決件数", "2");
        assertThat(text("tile-open")).contains("月末時点の未解決", "1");
        assertThat(text("tile-sla")).contains("解決 SLA 遵守率", "50%");
        assertThat(text("tile-automation")).contains("100%");
        assertThat(browser.findElement(By.id("tile-opened")).getAttribute("title")).isEqualTo("opsflow が当月に起票したインシデント。");
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).doesNotContain("[object", "undefined", "NaN");
        assertThat(body).contains("インシデント", "サービスリクエスト", "Microsoft サポート", "SLA 遵守状況", "優先度別", "発生元別",
                "Azure Monitor", "Zabbix", "アラートルール上位", "vm-cpu-high", "自動診断率", "33.3%", "アラートストーム", "アラートが 10 件以上届いたインシデントの数。",
                "起票からトリアージ完了まで", "推移 (当月と過去 3 か月)", "2026年10月");
        assertThat(text("incident-durations")).as("P1: acknowledged in 10 min, resolved in 2 h").contains("10分", "2時間", "20分");
        assertThat(text("microsoft-tickets")).contains("1時間30分");
        assertThat(text("incident-sla")).contains("受付", "原因特定", "解決", "0%", "50%");

        List<WebElement> cockpit = browser.findElements(By.cssSelector("#incident-breaches a.cockpit"));
        assertThat(cockpit).extracting(WebElement::getText).containsOnly("Cockpit で開く").hasSize(3);
        assertThat(cockpit.get(0).getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + ID + "i-p1");
        assertThat(text("incident-breaches")).contains("INC2", "INC3", "INC4", "未達成");
        assertThat(text("services")).contains("サービス稼働・利用状況", "vm-acme-web01", "仮想マシン", "99.17% (Resource Health)",
                "50% (ハートビート)", "CPU 使用率 p95: 19 %", "5xx 率: 1%", "DTU ピーク: データなし", "利用ユーザー数: 7");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("issued"), "ServiceNow に添付済み"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("発行済みの月次レポート");
        assertThat(text("issued")).contains("opsflow-report-" + A + "-2026-11-v1.pdf", "op.tanaka",
                "11 月は大きな障害はありませんでした。");

        wait.until(d -> Boolean.TRUE.equals(js(CANVAS_DRAWN, "chart-priority")));
        wait.until(d -> Boolean.TRUE.equals(js(CANVAS_DRAWN, "chart-trend")));
        assertThat(js("return localStorage.length")).isEqualTo(0L);
        assertThat(js("return document.cookie")).isEqualTo("");
        assertThat(js("return sessionStorage.getItem('opsflow.reports.credentials')")).asString().startsWith("Basic ");

        screenshot("reports-ja.png");

        js(WATCH_PROGRESS);
        browser.findElement(By.id("export-csv")).click();
        wait.until(d -> Boolean.TRUE.equals(js("return window.progressSeen.includes(true)"))
                && browser.findElement(By.id("progress")).getAttribute("hidden") != null);
        assertThat(js("return window.progressText")).isEqualTo("作成中…");
        Path csv = DOWNLOADS.resolve("opsflow-" + A + "-2026-11.csv");
        wait.until(d -> Files.exists(csv));
        assertThat(new String(Files.readAllBytes(csv), StandardCharsets.UTF_8)).contains("インシデント,受付件数,,3");
        assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#issued button.link")).click();
        Path issuedPdf = DOWNLOADS.resolve("opsflow-report-" + A + "-2026-11-v1.pdf");
        wait.until(d -> Files.exists(issuedPdf));
        assertThat(Files.readString(issuedPdf, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 issued");

        browser.get(page("?customer=" + B + "&month=2026-11"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "のレポートは閲覧できません"));
        assertThat(text("message")).contains(B);
        assertThat(browser.findElement(By.id("figures")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#figures *"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Reports Page B Ltd");
    }

    @Test
    void anEnglishBrowserGetsEnglishLabels() throws IOException {
        open("en-US", "en");
        browser.get(page("?customer=" + A + "&month=2026-11"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-button"), "Sign in"));
        signIn(MANAGER, TestIdentities.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "November 2026"));

        assertThat(new Select(browser.findElement(By.id("month"))).getFirstSelectedOption().getText()).isEqualTo("November 2026");
        assertThat(text("tile-opened")).contains("Opened", "3");
        assertThat(text("tile-sla")).contains("Resolve SLA compliance", "50%");
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("Incidents", "Service requests", "Microsoft support", "Time to acknowledge", "Open in Cockpit",
                "Download CSV", "Opened → Triage completed").doesNotContain("受付件数");
        assertThat(text("incident-durations")).contains("10 min", "2 h");
        assertThat(text("microsoft-tickets")).contains("1 h 30 min");
        wait.until(d -> Boolean.TRUE.equals(js(CANVAS_DRAWN, "chart-priority")));
        screenshot("reports-en.png");
    }

    /** A canvas inside the chart has some pixel painted. */
    private static final String CANVAS_DRAWN = """
            const canvas = document.querySelector('#' + arguments[0] + ' canvas');
            if (!canvas || canvas.width === 0) { return false; }
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { return true; } }
            return false;""";

    /** Records every showing and hiding of the progress indicator, however short the export. */
    private static final String WATCH_PROGRESS = """
            const progress = document.getElementById('progress');
            window.progressSeen = [];
            new MutationObserver(() => {
                const shown = !progress.hidden;
                window.progressSeen.push(shown);
                if (shown) { window.progressText = progress.textContent.trim(); }
            }).observe(progress, {attributes: true, attributeFilter: ['hidden']});""";

    private void open(String language, String accept) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,900", "--lang=" + language)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + accept,
                        "download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        // Debian's driver for Debian's browser; Selenium Manager would try to download one.
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String page(String query) {
        return "http://localhost:" + port + "/reports/" + query;
    }

    private void signIn(String user, String password) {
        WebElement userField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        userField.clear();
        userField.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-button")).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The whole page, not only the first screen. */
    private void screenshot(String name) throws IOException {
        long height = (Long) js("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 120, 6000)));
        Path screenshot = Path.of("target", "screenshots", name);
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).isNotEmptyFile();
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    // ---- November 2026 of customer A, with the answers of ReportFiguresTest's kind -------------

    private void november() {
        // P1 from Azure Monitor: acknowledged in 10 min (target 15), cause in 50 min (target 30: breach),
        // resolved in 2 h (target 4 h), diagnosed by the runbook alone, 12 alerts: a storm.
        incident("i-p1", "INC2", tokyo(11, 3, 10, 0), tokyo(11, 3, 12, 30), "azure-monitor", "P1", "vm-cpu-high", "/subscriptions/s/vm-web01");
        due("i-p1", "acknowledgeDueAt", tokyo(11, 3, 10, 0), tokyo(11, 3, 10, 15));
        due("i-p1", "identifyCauseDueAt", tokyo(11, 3, 10, 0), tokyo(11, 3, 10, 30));
        due("i-p1", "resolveDueAt", tokyo(11, 3, 10, 0), tokyo(11, 3, 14, 0));
        step("i-p1", "UserTask_Triage.end", tokyo(11, 3, 10, 10));
        step("i-p1", "EndEvent_CauseIdentified.end", tokyo(11, 3, 10, 50));
        step("i-p1", "ServiceTask_ResolveServiceNowIncident.end", tokyo(11, 3, 12, 0));
        step("i-p1", "CallActivity_RunDiagnosticRunbook.end", tokyo(11, 3, 10, 5));
        for (int i = 0; i < 11; i++) {
            step("i-p1", "StartEvent_AlertUpdateReceived.end", tokyo(11, 3, 10, 20).plusSeconds(i));
        }
        // P3 from Zabbix, self-healed after 20 min before anyone acknowledged it: acknowledge missed.
        incident("i-healed", "INC3", tokyo(11, 5, 8, 0), tokyo(11, 5, 8, 20), "zabbix", "P3", "vm-cpu-high", "/subscriptions/s/vm-web01");
        due("i-healed", "acknowledgeDueAt", tokyo(11, 5, 8, 0), tokyo(11, 5, 9, 0));
        step("i-healed", "EndEvent_SelfHealedRaised.end", tokyo(11, 5, 8, 20));
        // P2 acknowledged in 20 min, still open at month end; its resolve target passed on 30 Nov: a breach.
        incident("i-open", "INC4", tokyo(11, 28, 9, 0), null, "azure-monitor", "P2", "sql-dtu", null);
        due("i-open", "resolveDueAt", tokyo(11, 28, 9, 0), tokyo(11, 30, 9, 0));
        step("i-open", "UserTask_Triage.end", tokyo(11, 28, 9, 20));
        // October, for the trend.
        incident("i-october", "INC1", tokyo(10, 10, 9, 0), tokyo(10, 10, 11, 0), "zabbix", "P3", "disk-full", null);
        step("i-october", "StartEvent_ServiceNowIncidentResolved.end", tokyo(10, 10, 11, 0));
        // A request fulfilled by runbook in 30 min with no human step.
        item("r-auto", ReportedFacts.REQUEST, "RITM1", tokyo(11, 2, 10, 0), tokyo(11, 2, 10, 30), "EndEvent_RequestFulfilled");
        fact("r-auto", "catItemName", tokyo(11, 2, 10, 0), "Restart VM", null);
        // A Microsoft ticket first answered after 1 h 30 min.
        item("t-answered", ReportedFacts.MICROSOFT_TICKET, "2611030010000001", tokyo(11, 3, 11, 0), tokyo(11, 20, 9, 0), "EndEvent_RelayEnded");
        // A boolean, as the engine keeps it: long_value 1/0, no text.
        fact("t-answered", "microsoftResponded", tokyo(11, 3, 11, 0), null, 0L);
        fact("t-answered", "microsoftResponded", tokyo(11, 3, 12, 30), null, 1L);
    }

    private void incident(String id, String number, Instant opened, Instant closed, String source, String priority, String rule,
                          String resource) {
        item(id, ReportedFacts.INCIDENT, number, opened, closed, closed == null ? null : "EndEvent_IncidentClosed");
        fact(id, "serviceNowNumber", opened, number, null);
        fact(id, "source", opened, source, null);
        fact(id, "priority", opened, priority, null);
        fact(id, "ruleName", opened, rule, null);
        if (resource != null) {
            fact(id, "targetResource", opened, resource, null);
        }
    }

    /** Through the live handler's writes, so the items' summaries are kept as in production. */
    private void item(String id, String processKey, String businessKey, Instant opened, Instant closed, String end) {
        ReportWrites writes = new ReportWrites();
        writes.open(ID + id, A, processKey, businessKey, Date.from(opened));
        if (closed != null) {
            writes.close(ID + id, Date.from(closed), end);
        }
        send(writes);
    }

    /** A date variable, as the engine keeps it: epoch milliseconds in long_value, no text. */
    private void due(String id, String name, Instant set, Instant due) {
        fact(id, name, set, null, due.toEpochMilli());
    }

    private void step(String id, String name, Instant at) {
        fact(id, name, at, null, null);
    }

    private void fact(String id, String name, Instant at, String text, Long number) {
        ReportWrites writes = new ReportWrites();
        writes.fact(ID + id, name, Date.from(at), text, number);
        send(writes);
    }

    private void send(ReportWrites writes) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writes.flush(connection);
            return null;
        });
    }

    private void removeHistory() {
        jdbc.update("delete from opsflow_report_fact where process_instance_id like ?", ID + "%");
        jdbc.update("delete from opsflow_report_item where process_instance_id like ?", ID + "%");
    }

    private static Instant tokyo(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, TOKYO).toInstant();
    }
}
