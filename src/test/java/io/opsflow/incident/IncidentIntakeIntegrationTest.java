package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.intake.IntakeResult;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.IncidentState;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.TableQuery;

/**
 * The intake against the whole application in sandbox mode: the job executor runs the process's
 * external steps against the ServiceNow simulator over HTTP.
 */
@OpsflowSpringTest
class IncidentIntakeIntegrationTest {

    static final String SUB = "00000000-0000-4000-8000-000000000001";

    @Autowired
    IncidentIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Test
    void aDeliveryReceivedThreeTimesStartsOneIncident() {
        Alert alert = alert("dup-1", "rule-dup", "vm-demo-web01", Alert.State.FIRED);
        IntakeResult first = intake.receive(alert);
        IntakeResult second = intake.receive(alert);
        IntakeResult third = intake.receive(alert);
        assertThat(first.outcome()).isEqualTo(IntakeResult.Outcome.STARTED);
        assertThat(List.of(second, third)).extracting(IntakeResult::outcome).containsOnly(IntakeResult.Outcome.DUPLICATE);
        assertThat(List.of(second, third)).extracting(IntakeResult::processInstanceId).containsOnly(first.processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(alert.alertId()).count()).isOne();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.processInstanceId()).singleResult().getTenantId())
                .isEqualTo("demo");
    }

    @Test
    void aStormOfFiftyAlertsIsOneIncidentWithFiftyWorkNotes() {
        IntakeResult incident = intake.receive(alert("storm-0", "rule-storm", "vm-demo-web02", Alert.State.FIRED));
        String sysId = awaitServiceNowIncident(incident.processInstanceId());
        for (int i = 1; i <= 50; i++) {
            IntakeResult result = intake.receive(alert("storm-" + i, "rule-storm", "vm-demo-web02", Alert.State.FIRED));
            assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
            assertThat(result.processInstanceId()).isEqualTo(incident.processInstanceId());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> workNotes(sysId).size() >= 50);
        assertThat(workNotes(sysId)).hasSize(50).allMatch(note -> note.contains("アラート発生 (azure-monitor, "));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IncidentVariables.PROCESS_KEY)
                .variableValueEquals(IncidentVariables.RULE_NAME, "rule-storm").count()).isOne();
    }

    /**
     * The key is claimed after the start: alerts of one key arriving together all start, one claims
     * the key and the others roll back whole and are correlated on their retry. The same delivery
     * sent twice at once is recorded once.
     */
    @Test
    void concurrentAlertsOfOneKeyAndConcurrentRedeliveriesLandInOneIncident() throws Exception {
        int senders = 6;
        List<Alert> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < senders; i++) {
            alerts.add(alert("burst-" + i, "rule-burst", "vm-demo-web03", Alert.State.FIRED));
        }
        alerts.add(alerts.get(0));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(alerts.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<IntakeResult> results;
        try {
            List<java.util.concurrent.Future<IntakeResult>> futures = new java.util.ArrayList<>();
            for (Alert alert : alerts) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return intake.receive(alert);
                }));
            }
            go.countDown();
            results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<IntakeResult> f : futures) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).extracting(IntakeResult::outcome).containsOnlyOnce(IntakeResult.Outcome.STARTED)
                .containsOnlyOnce(IntakeResult.Outcome.DUPLICATE)
                .filteredOn(o -> o == IntakeResult.Outcome.CORRELATED).hasSize(senders - 1);
        assertThat(results).extracting(IntakeResult::processInstanceId).containsOnly(results.get(0).processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IncidentVariables.PROCESS_KEY)
                .variableValueEquals(IncidentVariables.RULE_NAME, "rule-burst").count()).isOne();
    }

    @Test
    void anAlertResolvedBeforeTriageResolvesTheIncidentInServiceNow() {
        Alert fired = alert("heal-1", "rule-heal", "vm-demo-db01", Alert.State.FIRED);
        IntakeResult incident = intake.receive(fired);
        String sysId = awaitServiceNowIncident(incident.processInstanceId());
        // The recovery arrives once the diagnostics branch is done: a recovery correlated while one of its
        // jobs runs makes that job fail on the instance's version, and the job then waits out its lock
        // (minutes) before the self-healed close can run; the race is Camunda's, not what this test is about.
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(incident.processInstanceId()).activityId("EndEvent_DiagnosticsDone").finished().count() == 1);
        IntakeResult resolved = intake.receive(alert("heal-1", "rule-heal", "vm-demo-db01", Alert.State.RESOLVED));
        assertThat(resolved.outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> IncidentState.RESOLVED == servicenow.getIncident(sysId).state());
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(incident.processInstanceId()).count() == 0);
        assertThat(intake.receive(alert("heal-2", "rule-heal", "vm-demo-db01", Alert.State.FIRED)).outcome())
                .as("the key is free again once the incident ended").isEqualTo(IntakeResult.Outcome.STARTED);
    }

    @Test
    void anIncidentDeletedWithoutListenersDoesNotSwallowLaterAlerts() {
        IntakeResult first = intake.receive(alert("gone-1", "rule-gone", "vm-demo-web01", Alert.State.FIRED));
        deleteAsInCockpit(first.processInstanceId());
        IntakeResult next = intake.receive(alert("gone-2", "rule-gone", "vm-demo-web01", Alert.State.FIRED));
        assertThat(next.outcome()).isEqualTo(IntakeResult.Outcome.STARTED);
        assertThat(next.processInstanceId()).isNotEqualTo(first.processInstanceId());
    }

    /** The job executor may be running the instance's first job: Cockpit's user then simply deletes again. */
    private void deleteAsInCockpit(String instanceId) {
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.deleteProcessInstance(instanceId, "deleted in Cockpit", true);
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException concurrentJob) {
                if (attempt == 5) {
                    throw concurrentJob;
                }
            }
        }
    }

    @Test
    void aRecoveryThatOvertakesItsAlertOpensNothing() {
        IntakeResult recovery = intake.receive(alert("early-1", "rule-early", "vm-demo-web01", Alert.State.RESOLVED));
        assertThat(recovery.outcome()).isEqualTo(IntakeResult.Outcome.STALE);
        IntakeResult late = intake.receive(alert("early-1", "rule-early", "vm-demo-web01", Alert.State.FIRED));
        assertThat(late.outcome()).isEqualTo(IntakeResult.Outcome.STALE);
        assertThat(late.processInstanceId()).isNull();
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals(IncidentVariables.RULE_NAME, "rule-early").count()).isZero();
    }

    @Test
    void serviceNowIncidentsAreCoordinatedAndOlderChangesIgnored() {
        Map<String, String> record = Map.of("state", "1", "impact", "2", "urgency", "1", "short_description", "顧客からの問い合わせ: VPN 不通",
                "company", "de300000000000000000000000000001", "latest_comment", "");
        IntakeResult started = intake.receive(event("evt-1", "created", 0, List.of(), record));
        assertThat(started.outcome()).isEqualTo(IntakeResult.Outcome.STARTED);
        assertThat(started.businessKey()).isEqualTo("INC0099001");
        assertThat(runtime.getVariable(started.processInstanceId(), IncidentVariables.PRIORITY)).isEqualTo("P2");
        assertThat(tasks.createTaskQuery().processInstanceId(started.processInstanceId()).taskDefinitionKey("UserTask_Triage").count()).isOne();

        Map<String, String> commented = new java.util.HashMap<>(record);
        commented.put("latest_comment", "2026-11-24 02:03:11 - 佐藤 花子 (Additional comments)\n再起動をお願いします");
        IntakeResult comment = intake.receive(event("evt-3", "updated", 3, List.of("comments"), commented));
        assertThat(comment.outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
        assertThat((String) runtime.getVariable(started.processInstanceId(), IncidentVariables.LATEST_SERVICENOW_COMMENT))
                .contains("再起動をお願いします");

        IntakeResult older = intake.receive(event("evt-2", "updated", 2, List.of("comments"), commented));
        assertThat(older.outcome()).isEqualTo(IntakeResult.Outcome.STALE);

        Map<String, String> resolved = new java.util.HashMap<>(record);
        resolved.put("state", "6");
        assertThat(intake.receive(event("evt-4", "updated", 4, List.of("state"), resolved)).outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
        assertThat(tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult().getTaskDefinitionKey())
                .as("a P2 resolved in ServiceNow still gets its review; triage is gone").isEqualTo("UserTask_ReviewServiceNowResolution");
    }

    /**
     * An incident with an open Microsoft ticket: a work note starting with [MS] (under the header
     * ServiceNow's business rule sends) starts one sending to Microsoft, as its author; a redelivery
     * and a plain work note start nothing.
     */
    @Test
    void aWorkNoteMarkedForMicrosoftIsSentToTheOpenTicketOnceAsItsAuthor() {
        String sysId = "aaaa0000000000000000000000000002";
        Map<String, String> record = Map.of("state", "2", "impact", "3", "urgency", "3", "short_description", "問い合わせ: Azure Files が遅い",
                "company", "de300000000000000000000000000001", "latest_comment", "");
        IntakeResult incident = intake.receive(event(sysId, "INC0099002", "ms-0", "created", 0, List.of(), record));
        ProcessInstance relay = runtime.createProcessInstanceByKey("microsoft-support-relay").businessKey("opsflow-it-ticket")
                .setVariables(Map.of("customerId", "demo", "serviceNowSysId", sysId, "serviceNowNumber", "INC0099002",
                        "supportTicketName", "opsflow-it-ticket", "relayPollInterval", "PT1H",
                        "supportResponseDue", java.util.Date.from(Instant.now().plus(Duration.ofDays(1))))).execute();
        try {
            Map<String, String> plain = new java.util.HashMap<>(record);
            plain.put("latest_work_note", "2026-12-01 10:00:00 - 佐藤 花子 (Work notes)\nお客様に確認中");
            plain.put("sys_updated_by", "hanako.sato");
            intake.receive(event(sysId, "INC0099002", "ms-1", "updated", 1, List.of("work_notes"), plain));
            Map<String, String> marked = new java.util.HashMap<>(plain);
            marked.put("latest_work_note", "2026-12-01 10:05:00 - 佐藤 花子 (Work notes)\n[MS] 再現手順を添付します。\n\n");
            ServiceNowIncidentEvent delivery = event(sysId, "INC0099002", "ms-2", "updated", 2, List.of("work_notes"), marked);
            assertThat(intake.receive(delivery).outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
            assertThat(intake.receive(delivery).outcome()).isEqualTo(IntakeResult.Outcome.DUPLICATE);

            List<ProcessInstance> sending = runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-message")
                    .variableValueEquals("serviceNowSysId", sysId).list();
            assertThat(sending).singleElement().satisfies(m -> {
                assertThat(m.getTenantId()).isEqualTo("demo");
                assertThat(runtime.getVariable(m.getId(), "microsoftMessageBody")).isEqualTo("再現手順を添付します。");
                assertThat(runtime.getVariable(m.getId(), "microsoftMessageSenderUser")).isEqualTo("hanako.sato");
                assertThat(runtime.getVariable(m.getId(), "supportTicketName")).isEqualTo("opsflow-it-ticket");
            });
        } finally {
            runtime.createProcessInstanceQuery().variableValueEquals("serviceNowSysId", sysId).list()
                    .forEach(p -> runtime.deleteProcessInstanceIfExists(p.getId(), "test over", true, true, true, true));
        }
        assertThat(incident.outcome()).isEqualTo(IntakeResult.Outcome.STARTED);
    }

    /** A delivery for INC0099001 of customer demo, as the webhook hands it over. */
    private static ServiceNowIncidentEvent event(String delivery, String type, long modCount, List<String> changed,
                                                 Map<String, String> record) {
        return event("aaaa0000000000000000000000000001", "INC0099001", delivery, type, modCount, changed, record);
    }

    private static ServiceNowIncidentEvent event(String sysId, String number, String delivery, String type, long modCount,
                                                 List<String> changed, Map<String, String> record) {
        Map<String, String> fields = new java.util.HashMap<>(record);
        fields.put("sys_id", sysId);
        fields.put("number", number);
        return new ServiceNowIncidentEvent(delivery, type, "demo", modCount, changed, Incident.of(fields),
                record.get("latest_comment"), record.get("latest_work_note"), record.get("sys_updated_by"), Instant.now());
    }

    private String awaitServiceNowIncident(String processInstanceId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.getVariable(processInstanceId, IncidentVariables.SERVICENOW_SYS_ID) != null);
        return (String) runtime.getVariable(processInstanceId, IncidentVariables.SERVICENOW_SYS_ID);
    }

    private List<String> workNotes(String sysId) {
        return servicenow.query(new TableQuery("sys_journal_field", "element_id=" + sysId + "^element=work_notes",
                List.of("value"))).stream().map(r -> r.value("value")).toList();
    }

    static Alert alert(String id, String rule, String vm, Alert.State state) {
        String alertId = "/subscriptions/" + SUB + "/providers/Microsoft.AlertsManagement/alerts/" + id;
        String target = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/" + vm;
        return new Alert("azure-monitor", alertId, alertId + "/" + state, "demo", rule, target, 2, state,
                "[Azure Monitor] Sev2 " + rule + " " + state.name().toLowerCase() + " on " + vm, "Percentage CPU > 90", Instant.now());
    }
}
