package io.opsflow.servicenow.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.catalog.CatalogVariables;
import io.opsflow.incident.IncidentVariables;
import io.opsflow.scripts.RefusingProxy;

/**
 * The scripts a ServiceNow administrator imports (docs/servicenow), run under Rhino against the
 * stand-ins, deliver to opsflow's real {@code /webhooks/servicenow} through a proxy that can refuse
 * a call: what opsflow did with each delivery is read from its engine.
 */
@OpsflowSpringTest
class ServiceNowOutboxEndToEndTest {

    private static final String DELIVERY = "X-Opsflow-Delivery";

    /** The sandbox demo customer's ServiceNow company. */
    private static final String DEMO_COMPANY = "de300000000000000000000000000001";
    private static final String OUTBOX = "u_opsflow_outbox";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ObjectMapper json;

    RefusingProxy gate;
    Glide servicenow;

    @BeforeEach
    void instance() throws Exception {
        gate = new RefusingProxy("http://127.0.0.1:" + port);
        servicenow = new Glide(gate.url() + "/webhooks/servicenow", "test-only-servicenow-webhook-secret");
    }

    @AfterEach
    void close() {
        gate.close();
    }

    @Test
    void aJapaneseCommentReachesTheRunningIncidentSignedAndIntact() throws Exception {
        ChangedRecord created = incident("5e0b0000000000000000000000000001", "INC0081001");
        servicenow.afterRule("incident", created);
        servicenow.senderJob();
        ProcessInstance instance = instanceOf(IncidentVariables.PROCESS_KEY, "INC0081001");
        assertThat(runtime.getVariable(instance.getId(), IncidentVariables.DESCRIPTION))
                .isEqualTo("受注画面で 504 が出る。\nOrder screen answers 504.");

        String comment = "2026-11-24 02:03:11 - 佐藤 花子 (Additional comments)\n再起動後も「タイムアウト」が続いています。\n\n";
        servicenow.advance(5);
        servicenow.afterRule("incident", created.updated("2026-11-24 02:03:11", Map.of(), "comments", comment));
        servicenow.senderJob();

        await().atMost(Duration.ofSeconds(30)).until(() -> comment.equals(runtime.getVariable(instance.getId(),
                IncidentVariables.LATEST_SERVICENOW_COMMENT)));
        RefusingProxy.Exchange delivered = gate.exchanges().get(1);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(json.readTree(delivered.answer()).path("correlated").asBoolean()).as(delivered.answer()).isTrue();
        assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).contains("「タイムアウト」");
        assertThat(servicenow.rows(OUTBOX)).extracting(r -> r.get("u_state")).containsExactly("sent", "sent");
    }

    @Test
    void twoQuickUpdatesBothArriveInOrderThoughTheFirstIsRefusedOnce() throws Exception {
        ChangedRecord created = incident("5e0b0000000000000000000000000002", "INC0081002");
        servicenow.afterRule("incident", created);
        servicenow.senderJob();
        ProcessInstance instance = instanceOf(IncidentVariables.PROCESS_KEY, "INC0081002");

        // Two updates within a second, before the job runs: each rule run keeps its own change.
        String first = "2026-11-24 02:05:00 - Hanako Sato (Additional comments)\nFirst: the customer sees 504.\n\n";
        String second = "2026-11-24 02:05:00 - Hanako Sato (Additional comments)\nSecond: 2 of 3 nodes are down.\n\n";
        ChangedRecord one = created.updated("2026-11-24 02:05:00", Map.of("state", "2"), "comments", first);
        ChangedRecord two = one.updated("2026-11-24 02:05:00", Map.of(), "comments", second);
        servicenow.afterRule("incident", one);
        servicenow.afterRule("incident", two);

        gate.refuseNext(503, "30");
        servicenow.advance(60);
        servicenow.senderJob();
        assertThat(gate.exchanges()).hasSize(2).as("the second change waits for the first").last()
                .extracting(RefusingProxy.Exchange::status).isEqualTo(503);

        servicenow.advance(20);
        servicenow.senderJob();
        assertThat(gate.exchanges()).as("Retry-After is 30 s: nothing yet after 20").hasSize(2);

        servicenow.advance(15);
        servicenow.senderJob();
        List<RefusingProxy.Exchange> updates = gate.exchanges().subList(1, gate.exchanges().size());
        assertThat(updates).hasSize(3);
        assertThat(updates.get(1).header(DELIVERY)).as("the refused delivery is resent as it was").isEqualTo(updates.get(0).header(DELIVERY));
        assertThat(updates.get(1).body()).isEqualTo(updates.get(0).body());
        assertThat(updates.stream().filter(RefusingProxy.Exchange::forwarded).map(e -> e.header(DELIVERY)).distinct().count()).isEqualTo(2);
        for (RefusingProxy.Exchange applied : updates.subList(1, 3)) {
            JsonNode answer = json.readTree(applied.answer());
            assertThat(answer.path("correlated").asBoolean()).as(applied.answer()).isTrue();
            assertThat(answer.path("stale").asBoolean()).isFalse();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> second.equals(runtime.getVariable(instance.getId(),
                IncidentVariables.LATEST_SERVICENOW_COMMENT)));
        assertThat(runtime.getVariable(instance.getId(), IncidentVariables.SERVICENOW_MOD_COUNT)).isEqualTo(2L);
        List<Object> comments = history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricVariableUpdate.class::cast)
                .filter(u -> u.getVariableName().equals(IncidentVariables.LATEST_SERVICENOW_COMMENT) && u.getValue() != null)
                .map(HistoricVariableUpdate::getValue).toList();
        assertThat(comments).containsExactly(first, second);
        assertThat(servicenow.rows(OUTBOX)).extracting(r -> r.get("u_state")).containsOnly("sent");
        assertThat(servicenow.rows(OUTBOX).get(1)).containsEntry("u_attempts", "2").containsEntry("u_last_status", "200");
    }

    @Test
    void aRequestedItemWithVariablesStartsTheCatalogRequest() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sys_id", "5e0b00000000000000000000000000a1");
        values.put("number", "RITM0081001");
        values.put("request", "5e0b00000000000000000000000000b1");
        values.put("cat_item", "4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b");
        values.put("requested_for", "b2d4f6a8c0e24b6d8f0a2c4e6a8c0e3f");
        values.put("opened_by", "b2d4f6a8c0e24b6d8f0a2c4e6a8c0e3f");
        values.put("company", DEMO_COMPANY);
        values.put("short_description", "Restart VM");
        values.put("description", "パッチ適用後の再起動");
        values.put("stage", "request_approved");
        values.put("state", "1");
        values.put("approval", "not requested");
        values.put("sys_updated_on", "2026-11-24 01:44:30");
        values.put("sys_updated_by", "jiro.suzuki");
        Map<String, String[]> variables = new LinkedHashMap<>();
        variables.put("subscription_id", new String[] {"00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000001"});
        variables.put("resource_group", new String[] {"rg-demo-prod", "rg-demo-prod"});
        variables.put("vm_name", new String[] {"vm-demo-web01", "vm-demo-web01"});
        variables.put("restart_mode", new String[] {"graceful", "Graceful (shutdown then start)"});
        variables.put("reason", new String[] {"月例パッチ適用後の再起動", "月例パッチ適用後の再起動"});
        variables.put("scheduled_start", new String[] {"2026-11-24 02:10:00", "2026-11-24 02:10:00"});
        variables.put("notify_customer", new String[] {"true", "true"});
        Map<String, String> display = Map.of("request", "REQ0081001", "cat_item", "Restart VM", "requested_for", "Jiro Suzuki",
                "company", "デモ株式会社 (Demo Co.)", "stage", "Request Approved", "state", "Open", "approval", "Not Yet Requested");

        servicenow.afterRule("sc_req_item", ChangedRecord.inserted("sc_req_item", values, display, variables));
        servicenow.senderJob();

        assertThat(gate.exchanges()).singleElement().extracting(RefusingProxy.Exchange::status).isEqualTo(202);
        ProcessInstance instance = instanceOf(CatalogVariables.PROCESS_KEY, "RITM0081001");
        assertThat(runtime.getVariable(instance.getId(), CatalogVariables.CAT_ITEM_NAME)).isEqualTo("Restart VM");
        assertThat(runtime.getVariable(instance.getId(), CatalogVariables.REQUESTED_FOR_NAME)).isEqualTo("Jiro Suzuki");
        JsonNode received = json.readTree((String) runtime.getVariable(instance.getId(), CatalogVariables.RITM_VARIABLES));
        assertThat(received.path("vm_name").asText()).isEqualTo("vm-demo-web01");
        assertThat(received.path("restart_mode").asText()).isEqualTo("graceful");
        assertThat(received.path("reason").asText()).isEqualTo("月例パッチ適用後の再起動");
        assertThat(received.size()).isEqualTo(variables.size());
    }

    private ChangedRecord incident(String sysId, String number) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sys_id", sysId);
        values.put("number", number);
        values.put("state", "1");
        values.put("impact", "2");
        values.put("urgency", "2");
        values.put("priority", "3");
        values.put("short_description", "受注システム 応答なし / Order system not answering");
        values.put("description", "受注画面で 504 が出る。\nOrder screen answers 504.");
        values.put("caller_id", "e4a7c3d2b1f04d6e9a8b7c6d5e4f3a21");
        values.put("company", DEMO_COMPANY);
        values.put("active", "true");
        values.put("opened_at", "2026-11-24 02:00:00");
        values.put("sys_updated_on", "2026-11-24 02:00:00");
        values.put("sys_updated_by", "hanako.sato");
        return ChangedRecord.inserted("incident", values, Map.of("company", "デモ株式会社 (Demo Co.)", "state", "New"), Map.of());
    }

    private ProcessInstance instanceOf(String processKey, String businessKey) {
        assertThat(gate.exchanges()).as("delivered").isNotEmpty();
        RefusingProxy.Exchange first = gate.exchanges().get(0);
        assertThat(first.status()).as(first.answer()).isEqualTo(202);
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).singleResult();
    }
}
