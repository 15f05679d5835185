package io.opsflow.zabbix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mozilla.javascript.JavaScriptException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.incident.IncidentVariables;
import io.opsflow.scripts.RefusingProxy;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.TableQuery;

/**
 * The webhook media type as a Zabbix 5.0 and a 5.4+ server run it, sending to opsflow's own
 * {@code /webhooks/zabbix/demo} (the sandbox customer, token from the test profile).
 */
@OpsflowSpringTest
class ZabbixMediaTypeScriptTest {

    static final String TOKEN = "test-only-zabbix-token";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ServiceNowClient servicenow;

    @ParameterizedTest
    @ValueSource(strings = {"5.0", "5.4"})
    void aProblemStartsAnIncidentItsUpdateIsNotedAndItsRecoveryEndsIt(String release) throws Exception {
        String eventId = release.equals("5.0") ? "5000471" : "5400471";
        ZabbixServer zabbix = new ZabbixServer(release);

        assertThat(zabbix.notify(problem(eventId, "http://localhost:" + port, TOKEN))).isEqualTo("OK");

        String alertId = "zabbix:demo:" + eventId;
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(alertId).singleResult().getId();
        assertThat(runtime.getVariable(instanceId, IncidentVariables.SUMMARY))
                .isEqualTo("[Zabbix] 重大: 本番DBサーバーに5分間pingが通りません #" + eventId + " on 本番DB01");
        assertThat(runtime.getVariable(instanceId, IncidentVariables.SEVERITY_LEVEL))
                .as("the renamed severity 4 is High by its number").isEqualTo(1);
        assertThat((String) runtime.getVariable(instanceId, IncidentVariables.DESCRIPTION)).contains("担当=インフラ運用課");
        Incident incident = await().atMost(Duration.ofSeconds(30))
                .until(() -> servicenow.findIncidentByCorrelationId(alertId).orElse(null), i -> i != null);
        // An update before the instance knows its ServiceNow record waits for a job retry (a minute): not what is tested here.
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.getVariable(instanceId, IncidentVariables.SERVICENOW_SYS_ID) != null);

        assertThat(zabbix.notify(update(eventId, "http://localhost:" + port, "調査中です。DBチームに連絡済み"))).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(30)).until(() -> workNotes(incident.sysId()).stream()
                .anyMatch(note -> note.contains("調査中です。DBチームに連絡済み") && note.contains("佐藤 花子")));

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createEventSubscriptionQuery().processInstanceId(instanceId)
                .eventName(IncidentVariables.MESSAGE_ALERT_RESOLVED).count() == 1);
        assertThat(zabbix.notify(recovery(eventId, "http://localhost:" + port))).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).finished().count() == 1);

        assertThat(zabbix.sent()).hasSize(3).allSatisfy(sent -> {
            assertThat(sent.url()).isEqualTo("http://localhost:" + port + "/webhooks/zabbix/demo");
            assertThat(sent.headers()).contains("Authorization: Bearer " + TOKEN);
            assertThat(sent.body()).doesNotContain(TOKEN).doesNotContain("opsflow_");
        });
        assertThat(zabbix.log()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.0", "5.4"})
    void aRefusedDeliveryThrowsSoZabbixRetriesItAndTheRetryArrivesOnce(String release) throws Exception {
        String eventId = release.equals("5.0") ? "5000472" : "5400472";
        ZabbixServer zabbix = new ZabbixServer(release);
        try (RefusingProxy opsflow = new RefusingProxy("http://localhost:" + port)) {
            opsflow.refuseNext(503, null);
            String problem = problem(eventId, opsflow.url(), TOKEN);

            assertThatThrownBy(() -> zabbix.notify(problem)).isInstanceOf(JavaScriptException.class)
                    .hasMessageContaining("opsflow answered HTTP 503: opsflow is restarting");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("zabbix:demo:" + eventId).count()).isZero();

            // Zabbix's next attempt, and one more as after a lost answer: opsflow starts one incident.
            assertThat(zabbix.notify(problem)).isEqualTo("OK");
            assertThat(zabbix.notify(problem)).isEqualTo("OK");
            assertThat(opsflow.exchanges()).extracting(RefusingProxy.Exchange::status).containsExactly(503, 202, 200);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("zabbix:demo:" + eventId).count()).isOne();
        }
    }

    @Test
    void aWrongTokenIsReportedWithoutTheToken() throws Exception {
        ZabbixServer zabbix = new ZabbixServer("5.4");

        assertThatThrownBy(() -> zabbix.notify(problem("5400473", "http://localhost:" + port, "wrong-token-7f3a")))
                .isInstanceOf(JavaScriptException.class).hasMessageContaining("HTTP 401")
                .message().doesNotContain("wrong-token-7f3a");
        assertThat(zabbix.log()).noneMatch(line -> line.contains("wrong-token-7f3a"));
    }

    @Test
    void anUnsetTokenMacroIsNamedAndNothingIsSent() throws Exception {
        ZabbixServer zabbix = new ZabbixServer("5.0");

        assertThatThrownBy(() -> zabbix.notify(problem("5000474", "http://localhost:" + port, "{$OPSFLOW.TOKEN}")))
                .isInstanceOf(JavaScriptException.class).hasMessageContaining("set the secret macro {$OPSFLOW.TOKEN}");
        assertThat(zabbix.sent()).isEmpty();
    }

    /** The media type's parameters, resolved as Zabbix resolves them for a problem (from the shared contract). */
    private ObjectNode parameters(String eventId, String url, String token) throws Exception {
        ObjectNode p = (ObjectNode) json.readTree(Path.of("src/test/resources/contracts/zabbix/webhook-problem.json").toFile())
                .at("/request/body");
        p.put("opsflow_url", url);
        p.put("opsflow_customer", "demo");
        p.put("opsflow_token", token);
        p.put("http_proxy", "{$OPSFLOW.PROXY}");
        p.put("event_id", eventId);
        p.put("trigger_id", "2" + eventId);
        // Its own trigger per event: opsflow groups open problems of one trigger and host into one incident.
        p.put("trigger_name", "本番DBサーバーに5分間pingが通りません #" + eventId);
        p.put("event_name", p.get("trigger_name").asText());
        p.put("host_name", "本番DB01");
        p.put("event_severity", "重大");
        p.put("trigger_severity", "重大");
        p.put("event_nseverity", "4");
        p.put("event_tags", "[{\"tag\":\"customer\",\"value\":\"demo\"},{\"tag\":\"担当\",\"value\":\"インフラ運用課\"}]");
        p.put("trigger_hostgroups", "Demo/Production, Linux servers");
        p.put("event_update_date", "{EVENT.UPDATE.DATE}");
        p.put("event_update_time", "{EVENT.UPDATE.TIME}");
        p.put("event_update_user", "{USER.FULLNAME}");
        return p;
    }

    private String problem(String eventId, String url, String token) throws Exception {
        return json.writeValueAsString(parameters(eventId, url, token));
    }

    private String update(String eventId, String url, String message) throws Exception {
        ObjectNode p = parameters(eventId, url, TOKEN);
        p.put("event_update_status", "1");
        p.put("event_update_action", "acknowledged, commented");
        p.put("event_update_message", message);
        p.put("event_update_date", "2026.11.24");
        p.put("event_update_time", "17:31:10");
        p.put("event_update_user", "佐藤 花子");
        p.put("event_ack_status", "Yes");
        return json.writeValueAsString(p);
    }

    private String recovery(String eventId, String url) throws Exception {
        ObjectNode p = parameters(eventId, url, TOKEN);
        p.put("event_value", "0");
        p.put("event_status", "RESOLVED");
        p.put("trigger_status", "OK");
        p.put("event_recovery_id", "9" + eventId);
        p.put("event_recovery_date", "2026.11.24");
        p.put("event_recovery_time", "17:46:31");
        return json.writeValueAsString(p);
    }

    private List<String> workNotes(String sysId) {
        return servicenow.query(new TableQuery("sys_journal_field", "element_id=" + sysId, List.of("value")))
                .stream().map(r -> r.value("value")).toList();
    }
}
