package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.security.Roles;
import io.opsflow.servicenow.FieldLimits;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Text longer than Camunda's 4000-character string column is kept whole: a ServiceNow incident's
 * description reaches the Triage form as it was sent, and an alert's reaches the ServiceNow incident
 * opsflow opens as far as ServiceNow's field goes, with a note.
 */
@OpsflowSpringTest
class LongTextIntakeTest {

    /** 60,000 characters of Japanese (180 KB in UTF-8, under the 256 KB body limit). */
    static final String LONG_JAPANESE = "基幹システムのログイン画面でタイムアウトが発生しています。".repeat(2069).substring(0, 60_000);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    TestIdentities identities;

    @Test
    void aServiceNowIncidentsLongJapaneseDescriptionReachesTheTriageFormWhole() throws Exception {
        identities.user("longtext-operator", List.of(Roles.OPERATORS_GROUP), List.of("demo"));
        ObjectNode delivery = (ObjectNode) json.readTree("""
                {"event": {"id": "longtext-delivery-1", "type": "created", "table": "incident", "instance": "sandbox",
                           "occurred_at": "2026-11-24 02:03:11", "changed_fields": []},
                 "record": {"sys_id": "1e000000000000000000000000000001", "number": "INC0088001", "state": "1", "impact": "2",
                            "urgency": "2", "short_description": "ログインできない", "company": "de300000000000000000000000000001",
                            "sys_mod_count": "0", "correlation_id": "", "latest_comment": ""},
                 "display_values": {}}""");
        ((ObjectNode) delivery.get("record")).put("description", LONG_JAPANESE);
        byte[] raw = json.writeValueAsBytes(delivery);
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Opsflow-Delivery", "longtext-delivery-1");
        headers.set("X-Opsflow-Signature", "sha256=" + WebhookEndToEndTest.hmac("test-only-servicenow-webhook-secret", raw));

        ResponseEntity<String> accepted = post("/webhooks/servicenow", raw, headers);

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String instanceId = json.readTree(accepted.getBody()).get("processInstanceId").asText();
        JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(instanceId),
                t -> t != null && t.get("taskDefinitionKey").asText().equals("UserTask_Triage"));
        // What Tasklist loads for a Camunda Form.
        JsonNode form = json.readTree(operator().getForObject("/engine-rest/task/" + triage.get("id").asText()
                + "/form-variables?deserializeValues=false", String.class));
        assertThat(form.at("/description/type").asText()).isEqualTo("String");
        assertThat(form.at("/description/value").asText()).isEqualTo(LONG_JAPANESE);

        // Tasklist sends the read-only description back as it got it: the completion still goes through.
        ResponseEntity<String> done = operator().postForEntity("/engine-rest/task/" + triage.get("id").asText() + "/submit-form",
                Map.of("variables", Map.of("description", Map.of("value", LONG_JAPANESE),
                        "findings", Map.of("value", "認証基盤の証明書期限切れ"), "causeIdentified", Map.of("value", true),
                        "needsMicrosoft", Map.of("value", false))), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anAlertsLongDescriptionIsCutWhereServiceNowsFieldEndsWithANote() throws Exception {
        ObjectNode alert = (ObjectNode) json.readTree(Files.readAllBytes(Path.of("docs/samples/azure-monitor-alert-demo.json")));
        ObjectNode essentials = (ObjectNode) alert.at("/data/essentials");
        String alertId = essentials.get("alertId").asText().replace("5a1c0e2f-demo", "5a1c0e2f-long");
        essentials.put("alertId", alertId);
        essentials.put("alertRule", "demo-vm-long-description");
        essentials.put("description", LONG_JAPANESE);

        ResponseEntity<String> accepted = post("/webhooks/azure-monitor/demo?token=test-only-azure-monitor-token",
                json.writeValueAsBytes(alert), new HttpHeaders());

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        Incident incident = await().atMost(Duration.ofSeconds(30))
                .until(() -> servicenow.findIncidentByCorrelationId(alertId).orElse(null), i -> i != null);
        String description = servicenow.query(new io.opsflow.servicenow.TableQuery("incident", "sys_id=" + incident.sysId(),
                List.of("description"))).get(0).value("description");
        assertThat(description.length()).isLessThanOrEqualTo(FieldLimits.DESCRIPTION);
        assertThat(description).contains("基幹システムのログイン画面").contains("truncated: showing the start of")
                .contains("opsflow: ").contains("/camunda/app/cockpit/default/#/process-instance/");
    }

    private JsonNode taskOf(String instanceId) throws Exception {
        JsonNode tasks = json.readTree(operator().getForObject("/engine-rest/task?processInstanceId=" + instanceId, String.class));
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private TestRestTemplate operator() {
        return rest.withBasicAuth("longtext-operator", TestIdentities.PASSWORD);
    }

    private ResponseEntity<String> post(String path, byte[] body, HttpHeaders headers) {
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
