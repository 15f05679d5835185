package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.servicenow.Attachment;
import io.opsflow.servicenow.NewAttachment;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.ServiceNowUnavailableException;

/**
 * The monthly run from its timer to the ServiceNow attachment: the real delegates over a real archive
 * (H2), the real PDF and business calendar, and mocked ServiceNow, Azure collection and registry.
 */
@Deployment(resources = {"processes/report/monthly-report.bpmn", "processes/report/monthly-customer-report.bpmn",
        "processes/report/monthly-report-request.form", "processes/report/monthly-report-review.form"})
class MonthlyReportProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("opsflow-engine-test.cfg.xml").build();

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String ACME_COMPANY = "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f";
    static final Customer ACME = new Customer("acme", "ACME株式会社", "ja", null, new Customer.ServiceNow(ACME_COMPANY, "MSP Operations"),
            null, null, Map.of(), null);
    static final Customer GLOBEX = new Customer("globex", "Globex Ltd", "en", null, null, null, null, Map.of(), null);

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final ServiceFigureCollection serviceFigures = mock(ServiceFigureCollection.class);
    SingleConnectionDataSource archiveDatabase;
    ReportArchive archive;

    @BeforeEach
    void wire() throws java.sql.SQLException {
        init(engine.getProcessEngine());
        archiveDatabase = new SingleConnectionDataSource("jdbc:h2:mem:report-archive-" + System.nanoTime(), "sa", "", true);
        ScriptUtils.executeSqlScript(archiveDatabase.getConnection(), new ClassPathResource("db/migration/V9__report_archive.sql"));
        JdbcTemplate jdbc = new JdbcTemplate(archiveDatabase);
        archive = new ReportArchive(jdbc);
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        when(customers.findAll()).thenReturn(List.of(GLOBEX, ACME));
        BusinessCalendar calendar = new BusinessCalendar(new FileSystemResource("src/main/resources/calendar/syukujitsu.csv"),
                List.of("12-31", "01-02", "01-03"));
        MonthlyReports reports = new MonthlyReports(mock(ReportItems.class), TOKYO, Clock.fixed(Instant.parse("2027-01-05T00:00:00Z"), ZoneOffset.UTC));
        Messages messages = new Messages(Messages.standalone(Locale.JAPANESE).source(), customers);
        Mocks.register("checkFirstBusinessDayDelegate", new CheckFirstBusinessDayDelegate(calendar, TOKYO));
        Mocks.register("listReportCustomersDelegate", new ListReportCustomersDelegate(customers));
        Mocks.register("collectServiceFiguresDelegate", new CollectServiceFiguresDelegate(serviceFigures, TOKYO));
        Mocks.register("renderMonthlyReportDelegate", new RenderMonthlyReportDelegate(reports, archive, customers, messages, TOKYO));
        Mocks.register("reviewMonthlyReportTaskListener", new ReviewMonthlyReportTaskListener());
        Mocks.register("issueMonthlyReportDelegate", new IssueMonthlyReportDelegate(reports, archive, customers, messages));
        Mocks.register("attachMonthlyReportDelegate", new AttachMonthlyReportDelegate(archive, customers, servicenow));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        archiveDatabase.destroy();
    }

    @Test
    void theTimerReportsLastMonthOnlyOnTheFirstBusinessDayForEveryCustomerInItsTenant() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("monthly-report").timers().singleResult();
        assertThat(timer).as("the cron timer of the start event").isNotNull();

        // 2027-01-01 is New Year's Day, 01-02 a Saturday (and a bank holiday): the first business day is Monday 01-04.
        at("2027-01-02T00:00:00Z");
        engine.getManagementService().executeJob(timer.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_NotFirstBusinessDay").count()).isOne();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();

        at("2027-01-04T00:00:00Z");
        engine.getManagementService().executeJob(nextTimer().getId());
        ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("monthly-report").singleResult();
        assertThat(run).hasBusinessKey("2026-12").isWaitingAt("CallActivity_ReportCustomerMonth");
        assertThat(run.getTenantId()).isNull();
        executeAll();

        List<ProcessInstance> reports = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("monthly-customer-report").list();
        assertThat(reports).extracting(ProcessInstance::getTenantId).containsExactlyInAnyOrder("acme", "globex");
        assertThat(reports).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("acme:2026-12", "globex:2026-12");
        executeAll();
        ProcessInstance acme = reports.stream().filter(r -> "acme".equals(r.getTenantId())).findFirst().orElseThrow();
        assertThat(acme).isWaitingAt("UserTask_ReviewMonthlyReport").task().hasCandidateGroup("operators");
        assertThat(task(acme).getTenantId()).isEqualTo("acme");
        assertThat(engine.getRuntimeService().getVariable(acme.getId(), "reportSummary").toString()).startsWith("インシデント: 発生 0 件");
        assertThat(archive.of("acme")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ReportArchive.Status.DRAFT);
            assertThat(e.language()).isEqualTo("ja");
            assertThat(e.fileName()).isEqualTo("opsflow-report-acme-2026-12-v1.pdf");
        });
        assertThat(archive.of("globex")).singleElement().extracting(ReportArchive.Entry::language).isEqualTo("en");
        verify(serviceFigures).collect("acme", java.time.YearMonth.of(2026, 12));
        verify(serviceFigures).collect("globex", java.time.YearMonth.of(2026, 12));
    }

    @Test
    void anApprovedReportCarriesTheCommentAndIsAttachedToTheCompanyOnce() throws IOException {
        when(servicenow.attachOnce(any())).thenReturn(new Attachment("a1b2c3d4e5f60718293a4b5c6d7e8f90", "core_company", ACME_COMPANY,
                "opsflow-report-acme-2026-12-v1.pdf", 1234, null));
        ProcessInstance report = startByHand("acme", "2026-12");
        engine.getIdentityService().setAuthentication("op.tanaka", List.of("operators"), List.of("acme"));
        try {
            engine.getTaskService().complete(task(report).getId(), Map.of("reportComment", "12 月は大きな障害はありませんでした。",
                    "reportDecision", "send"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        executeAll();

        assertThat(report).isEnded().hasPassed("ServiceTask_AttachMonthlyReport", "EndEvent_ReportSent");
        ArgumentCaptor<NewAttachment> sent = ArgumentCaptor.forClass(NewAttachment.class);
        verify(servicenow).attachOnce(sent.capture());
        assertThat(sent.getValue().tableName()).isEqualTo("core_company");
        assertThat(sent.getValue().tableSysId()).isEqualTo(ACME_COMPANY);
        assertThat(sent.getValue().fileName()).isEqualTo("opsflow-report-acme-2026-12-v1.pdf");
        assertThat(sent.getValue().contentType()).isEqualTo("application/pdf");
        assertThat(text(sent.getValue().content())).contains("運用担当者からのコメント").contains("12 月は大きな障害はありませんでした。");
        ReportArchive.Entry entry = archive.of("acme").get(0);
        assertThat(entry.status()).isEqualTo(ReportArchive.Status.SENT);
        assertThat(entry.serviceNowAttachment()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        assertThat(entry.reviewedBy()).isEqualTo("op.tanaka");
        assertThat(entry.reviewComment()).isEqualTo("12 月は大きな障害はありませんでした。");
        assertThat(archive.pdf(entry.id()).orElseThrow()).isEqualTo(sent.getValue().content());
    }

    @Test
    void serviceNowDownIsRetriedOnTheScheduleThenAnIncident() {
        // What the client throws once its own short retries are spent (its HTTP behaviour is AttachmentApiTest's).
        ServiceNowUnavailableException down = mock(ServiceNowUnavailableException.class);
        when(down.getMessage()).thenReturn("ServiceNow answered 503 to POST /api/now/attachment/file");
        when(servicenow.attachOnce(any())).thenThrow(down);
        ProcessInstance report = startByHand("acme", "2026-12");
        engine.getTaskService().complete(task(report).getId(), Map.of("reportDecision", "send"));
        executeAll();
        Job attach = engine.getManagementService().createJobQuery().processInstanceId(report.getId()).singleResult();
        assertThat(attach.getRetries()).as("first of seven attempts failed (PT1M ... PT30M)").isEqualTo(6);
        assertThat(attach.getExceptionMessage()).contains("503");
        for (int i = 0; i < 6; i++) {
            executeAll();
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(report.getId()).singleResult().getActivityId())
                .isEqualTo("ServiceTask_AttachMonthlyReport");
        assertThat(archive.of("acme").get(0).status()).as("reviewed, not yet sent").isEqualTo(ReportArchive.Status.ARCHIVED);
    }

    @Test
    void aWithheldReportIsArchivedAndNotSent() {
        ProcessInstance report = startByHand("acme", "2026-12");
        byte[] draft = archive.pdf(archive.of("acme").get(0).id()).orElseThrow();
        engine.getTaskService().complete(task(report).getId(), Map.of("reportDecision", "withhold"));
        executeAll();
        assertThat(report).isEnded().hasPassed("EndEvent_ReportKept").hasNotPassed("ServiceTask_AttachMonthlyReport");
        assertThat(archive.of("acme").get(0).status()).isEqualTo(ReportArchive.Status.WITHHELD);
        assertThat(archive.pdf(archive.of("acme").get(0).id()).orElseThrow()).as("no comment: the draft the reviewer read").isEqualTo(draft);
        verify(servicenow, never()).attachOnce(any());
    }

    @Test
    void aCustomerWithoutServiceNowCompanyKeepsTheReportInTheArchiveOnly() {
        ProcessInstance report = startByHand("globex", "2026-12");
        assertThat(engine.getRuntimeService().getVariable(report.getId(), "reportDestination")).isEqualTo("archive");
        engine.getTaskService().complete(task(report).getId(), Map.of("reportDecision", "send"));
        executeAll();
        assertThat(report).isEnded().hasPassed("EndEvent_ReportKept");
        assertThat(archive.of("globex").get(0).status()).isEqualTo(ReportArchive.Status.ARCHIVED);
        verify(servicenow, never()).attachOnce(any());
    }

    @Test
    void issuingAMonthAgainMakesANewVersionAndAMonthNotBegunIsRefused() {
        startByHand("acme", "2026-12");
        startByHand("acme", "2026-12");
        assertThat(archive.of("acme")).extracting(ReportArchive.Entry::fileName)
                .containsExactlyInAnyOrder("opsflow-report-acme-2026-12-v1.pdf", "opsflow-report-acme-2026-12-v2.pdf");

        at("2027-01-05T00:00:00Z");
        ProcessInstance future = engine.getRuntimeService().startProcessInstanceByKey("monthly-customer-report",
                Map.of("customerId", "acme", "reportMonth", "2027-02"));
        executeAll();
        assertThat(future).isEnded().hasPassed("EndEvent_MonthNotBegun");
        assertThat(archive.of("acme")).hasSize(2);
        verify(serviceFigures, never()).collect("acme", java.time.YearMonth.of(2027, 2));
    }

    @Test
    void anOperatorOfAnotherCustomerCannotIssueThisOnesReport() {
        engine.getIdentityService().setAuthentication("op.globex", List.of("operators"), List.of("globex"));
        try {
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("monthly-customer-report",
                    Map.of("customerId", "acme", "reportMonth", "2026-12")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("acme");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("monthly-customer-report").count()).isZero();
    }

    private ProcessInstance startByHand(String customerId, String month) {
        at("2027-01-05T00:00:00Z");
        Map<String, Object> form = new HashMap<>();
        form.put("customerId", customerId);
        form.put("reportMonth", month);
        ProcessInstance report = engine.getRuntimeService().startProcessInstanceByKey("monthly-customer-report", form);
        executeAll();
        assertThat(report).isWaitingAt("UserTask_ReviewMonthlyReport");
        return report;
    }

    private Job nextTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey("monthly-report").timers().singleResult();
    }

    /**
     * Runs the due jobs, round after round while one of them succeeds, moving the clock 31 minutes a
     * round (past any retry's wait); a failed job stays with its retries and exception for the test.
     */
    private void executeAll() {
        boolean progressed = true;
        for (int round = 0; progressed && round < 10; round++) {
            progressed = false;
            for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
                if (isTimerStart(job)) {
                    continue;
                }
                try {
                    engine.getManagementService().executeJob(job.getId());
                    progressed = true;
                } catch (RuntimeException failed) {
                    // kept on the job: its retries and exception message are what the tests look at
                }
            }
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 31 * 60_000L));
        }
    }

    private boolean isTimerStart(Job job) {
        return job.getProcessInstanceId() == null;
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
