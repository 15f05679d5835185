package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection written by the history handler in the engine's transaction, against an engine with
 * the plugin and the V6 tables: the rows a run leaves, nothing from a rolled-back command, cancelled
 * steps not counted, and a rebuild from history after a wipe giving the same rows and figures.
 */
class ReportProjectionTest {

    static ProcessEngine engine;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void engineWithTheProjection() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:report-projection;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("report-projection");
        configuration.setTenantIdProvider(new io.opsflow.access.CustomerTenantIdProvider());
        configuration.setProcessEnginePlugins(List.of(new ReportProjectionPlugin()));
        engine = configuration.buildProcessEngine();
        DataSource dataSource = configuration.getDataSource();
        jdbc = new JdbcTemplate(dataSource);
        ReportTables.create(jdbc);
        engine.getRepositoryService().createDeployment().addModelInstance("incident.bpmn", incidentModel())
                .addModelInstance("request.bpmn", failingRequestModel()).addModelInstance("other.bpmn", unreportedModel()).deploy();
    }

    @AfterAll
    static void close() {
        ClockUtil.reset();
        engine.close();
    }

    @Test
    void aRunLeavesItsRowsAFailedStartNoneAndACancelledStepIsNotCounted() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T01:00:00Z")));
        ProcessInstance handled = start("INC0000001");
        complete(handled, "UserTask_Triage", "2026-11-03T01:10:00Z");
        complete(handled, "UserTask_Resolve", "2026-11-03T03:00:00Z");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-05T00:00:00Z")));
        ProcessInstance withdrawn = start("INC0000002");
        engine.getRuntimeService().deleteProcessInstance(withdrawn.getId(), "withdrawn");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ReportedFacts.REQUEST, Map.of("catItemName", "x")))
                .hasMessageContaining("noSuchBean");
        engine.getRuntimeService().startProcessInstanceByKey("unreported", Map.of("priority", "P1"));

        assertThat(jdbc.queryForList("select process_key, business_key, customer_id, end_activity from opsflow_report_item"
                + " where business_key in ('INC0000001', 'INC0000002') order by opened_at"))
                .containsExactly(Map.of("PROCESS_KEY", ReportedFacts.INCIDENT, "BUSINESS_KEY", "INC0000001", "CUSTOMER_ID", "acme",
                                "END_ACTIVITY", "EndEvent_IncidentClosed"),
                        row(ReportedFacts.INCIDENT, "INC0000002", "acme", null));
        assertThat(facts(handled.getId())).containsEntry("UserTask_Triage.end", "2026-11-03T01:10:00Z")
                .containsEntry("ServiceTask_ResolveServiceNowIncident.end", "2026-11-03T03:00:00Z")
                .containsEntry("priority", "P2").containsKey("resolveDueAt");
        assertThat(jdbc.queryForObject("select long_value from opsflow_report_fact where name = 'resolveDueAt' and process_instance_id = ?",
                Long.class, handled.getId())).isEqualTo(Instant.parse("2026-11-03T05:00:00Z").toEpochMilli());
        assertThat(facts(withdrawn.getId())).as("Triage was cancelled, not completed").doesNotContainKey("UserTask_Triage.end");
        assertThat(jdbc.queryForObject("select service_now_number from opsflow_report_item where process_instance_id = ?", String.class,
                handled.getId())).as("kept on the item for finding reopened incidents").isEqualTo("INC0000001");
        assertThat(jdbc.queryForMap("select resolved_at, resolve_due_at, human_step_at from opsflow_report_item where process_instance_id = ?",
                handled.getId())).as("the summary the trend reads without facts")
                .containsEntry("RESOLVED_AT", Timestamp.from(Instant.parse("2026-11-03T03:00:00Z")))
                .containsEntry("RESOLVE_DUE_AT", Instant.parse("2026-11-03T05:00:00Z").toEpochMilli()).containsEntry("HUMAN_STEP_AT", null);
    }

    @Test
    void aRebuildAfterAWipeGivesTheSameRowsAndTheSameFigures() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-30T23:00:00Z")));
        ProcessInstance spanning = start("INC0000010");
        complete(spanning, "UserTask_Triage", "2026-10-31T00:00:00Z");
        complete(spanning, "UserTask_Resolve", "2026-11-01T02:00:00Z");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-10T00:00:00Z")));
        start("INC0000011");
        MonthlyReports reports = new MonthlyReports(new ReportItems(jdbc), ZoneId.of("Asia/Tokyo"),
                java.time.Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        List<Map<String, Object>> items = jdbc.queryForList("select * from opsflow_report_item order by process_instance_id");
        List<Map<String, Object>> facts = jdbc.queryForList("select * from opsflow_report_fact"
                + " order by process_instance_id, name, occurred_at, text_value, long_value");
        MonthlyReport before = reports.of("acme", YearMonth.of(2026, 11));

        jdbc.update("delete from opsflow_report_fact");
        jdbc.update("delete from opsflow_report_item");
        assertThat(new ReportRebuild(jdbc).rebuild()).isEqualTo(items.size());

        assertThat(jdbc.queryForList("select * from opsflow_report_item order by process_instance_id")).isEqualTo(items);
        assertThat(jdbc.queryForList("select * from opsflow_report_fact order by process_instance_id, name, occurred_at, text_value, long_value"))
                .isEqualTo(facts);
        assertThat(reports.of("acme", YearMonth.of(2026, 11))).isEqualTo(before);
        assertThat(before.incidents().resolved()).isGreaterThanOrEqualTo(1);
        // December's trend reads INC0000010 (closed in November) without its facts: the same figures as with them.
        MonthlyReport december = reports.of("acme", YearMonth.of(2026, 12));
        assertThat(december).isEqualTo(new MonthlyReports(new HistoryReportItems(jdbc), ZoneId.of("Asia/Tokyo"),
                java.time.Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)).of("acme", YearMonth.of(2026, 12)));
        assertThat(december.trend().get(1)).as("October: INC0000010 resolved 27 h after it opened, past its 4 h target")
                .isEqualTo(new MonthlyReport.Trend(YearMonth.of(2026, 10), 1, 0, java.time.Duration.ofHours(27), 0.0, 0, null));
        // Read back through the projection: the due time (a date, kept as a number) decides the resolve target.
        assertThat(before.incidents().sla()).filteredOn(t -> t.target().equals("resolve")).singleElement()
                .satisfies(t -> assertThat(t.missed()).as("INC0000011, unresolved past its due time").isGreaterThanOrEqualTo(1));
    }

    private static ProcessInstance start(String number) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", "acme");
        variables.put("source", "azure-monitor");
        variables.put("priority", "P2");
        variables.put("serviceNowNumber", number);
        variables.put("resolveDueAt", new Date(ClockUtil.getCurrentTime().getTime() + 4 * 3_600_000L));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(ReportedFacts.INCIDENT).businessKey(number)
                .setVariables(variables).execute();
        engine.getRuntimeService().setVariable(instance.getId(), "summary", "not reported");
        return instance;
    }

    private static void complete(ProcessInstance instance, String taskKey, String at) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult().getId());
    }

    private static Map<String, String> facts(String processInstanceId) {
        Map<String, String> facts = new HashMap<>();
        jdbc.query("select name, occurred_at, text_value from opsflow_report_fact where process_instance_id = ?", rs -> {
            facts.put(rs.getString(1), rs.getString(3) != null ? rs.getString(3) : rs.getTimestamp(2).toInstant().toString());
        }, processInstanceId);
        return facts;
    }

    private static Map<String, Object> row(String key, String businessKey, String customer, String end) {
        Map<String, Object> row = new HashMap<>();
        row.put("PROCESS_KEY", key);
        row.put("BUSINESS_KEY", businessKey);
        row.put("CUSTOMER_ID", customer);
        row.put("END_ACTIVITY", end);
        return row;
    }

    /** The reported ids of incident-coordination, on a model small enough to drive by hand. */
    private static BpmnModelInstance incidentModel() {
        return Bpmn.createExecutableProcess(ReportedFacts.INCIDENT).camundaHistoryTimeToLive(1).startEvent()
                .userTask("UserTask_Triage").userTask("UserTask_Resolve").manualTask("ServiceTask_ResolveServiceNowIncident")
                .endEvent("EndEvent_IncidentClosed").done();
    }

    private static BpmnModelInstance failingRequestModel() {
        return Bpmn.createExecutableProcess(ReportedFacts.REQUEST).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("ServiceTask_ValidateRequest").camundaExpression("${noSuchBean.validate()}").endEvent().done();
    }

    private static BpmnModelInstance unreportedModel() {
        return Bpmn.createExecutableProcess("unreported").camundaHistoryTimeToLive(1).startEvent().userTask("Wait").endEvent().done();
    }
}
