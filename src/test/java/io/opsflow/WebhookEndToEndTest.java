package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.security.Roles;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.IncidentState;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.TableQuery;

/**
 * The whole application as a newcomer runs it (sandbox mode): the README's sample alert in through
 * the webhook, the incident in the ServiceNow simulator, triage and resolution done as Tasklist does
 * them (through /engine-rest, as a tenant member), and the outcome back in ServiceNow.
 */
@OpsflowSpringTest
class WebhookEndToEndTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    TestIdentities identities;

    @Test
    void theSampleAlertBecomesATriageTaskAndAResolvedServiceNowIncident() throws Exception {
        identities.user("e2e-operator", List.of(Roles.OPERATORS_GROUP), List.of());
        byte[] alert = Files.readAllBytes(Path.of("docs/samples/azure-monitor-alert-demo.json"));
        ResponseEntity<String> accepted = post("/webhooks/azure-monitor/demo?token=test-only-azure-monitor-token", alert, new HttpHeaders());
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String instanceId = json.readTree(accepted.getBody()).get("processInstanceId").asText();
        ResponseEntity<String> again = post("/webhooks/azure-monitor/demo?token=test-only-azure-monitor-token", alert, new HttpHeaders());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(again.getBody()).get("duplicate").asBoolean()).isTrue();

        JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(instanceId), t -> t != null);
        assertThat(triage.get("taskDefinitionKey").asText()).isEqualTo("UserTask_Triage");
        assertThat(triage.get("tenantId").asText()).isEqualTo("demo");
        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> servicenow.findIncidentByCorrelationId(
                "/subscriptions/00000000-0000-4000-8000-000000000001/providers/Microsoft.AlertsManagement/alerts/5a1c0e2f-demo-4f00-9000-000000000001")
                .orElse(null), i -> i != null);
        assertThat(incident.impact()).isEqualTo("2");
        await().atMost(Duration.ofSeconds(30)).until(() -> workNotes(incident.sysId()).stream()
                .anyMatch(n -> n.contains("Get-OpsflowVmDiagnostics") && n.contains("vm-demo-web01")));

        complete(triage.get("id").asText(), Map.of("findings", Map.of("value", "バッチ処理による一時的な高負荷"),
                "causeIdentified", Map.of("value", true), "needsMicrosoft", Map.of("value", false)));
        JsonNode resolve = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(instanceId),
                t -> t != null && t.get("taskDefinitionKey").asText().equals("UserTask_Resolve"));
        complete(resolve.get("id").asText(), Map.of("resolution", Map.of("value", "バッチを夜間に移動"),
                "closeCode", Map.of("value", "Solution provided")));
        await().atMost(Duration.ofSeconds(30)).until(() -> IncidentState.RESOLVED == servicenow.getIncident(incident.sysId()).state());
    }

    @Test
    void aSignedServiceNowIncidentStartsOnceHoweverOftenItIsDelivered() throws Exception {
        String body = """
                {"event": {"id": "e2e-delivery-1", "type": "created", "table": "incident", "instance": "sandbox",
                           "occurred_at": "2026-11-24 02:03:11", "changed_fields": []},
                 "record": {"sys_id": "e2e00000000000000000000000000001", "number": "INC0077001", "state": "1", "impact": "1",
                            "urgency": "1", "short_description": "基幹システムにログインできない", "company": "de300000000000000000000000000001",
                            "sys_mod_count": "0", "correlation_id": "", "latest_comment": ""},
                 "display_values": {}}""";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Opsflow-Delivery", "e2e-delivery-1");
        headers.set("X-Opsflow-Signature", "sha256=" + hmac("test-only-servicenow-webhook-secret", raw));
        ResponseEntity<String> first = post("/webhooks/servicenow", raw, headers);
        ResponseEntity<String> second = post("/webhooks/servicenow", raw, headers);
        ResponseEntity<String> third = post("/webhooks/servicenow", raw, headers);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(List.of(second.getStatusCode(), third.getStatusCode())).containsOnly(HttpStatus.OK);
        String instanceId = json.readTree(first.getBody()).get("processInstanceId").asText();
        assertThat(json.readTree(third.getBody()).get("processInstanceId").asText()).isEqualTo(instanceId);
        assertThat(json.readTree(first.getBody()).get("businessKey").asText()).isEqualTo("INC0077001");

        headers.set("X-Opsflow-Signature", "sha256=" + hmac("wrong-secret", raw));
        assertThat(post("/webhooks/servicenow", raw, headers).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode taskOf(String instanceId) throws Exception {
        JsonNode tasks = json.readTree(rest.withBasicAuth("e2e-operator", TestIdentities.PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + instanceId, String.class));
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private void complete(String taskId, Map<String, Object> variables) {
        ResponseEntity<String> done = rest.withBasicAuth("e2e-operator", TestIdentities.PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), String.class);
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private List<String> workNotes(String sysId) {
        return servicenow.query(new TableQuery("sys_journal_field", "element_id=" + sysId, List.of("value")))
                .stream().map(r -> r.value("value")).toList();
    }

    private ResponseEntity<String> post(String path, byte[] body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
