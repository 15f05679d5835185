package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import io.opsflow.security.Roles;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.TableQuery;
import io.opsflow.servicenow.TableRecord;

/**
 * The README's catalog walkthrough in sandbox mode: the sample "Restart VM" requested item arrives
 * signed, is approved as Tasklist would, the runbook runs in the simulated Automation account and
 * the requested item ends Closed Complete with the job's output.
 */
@OpsflowSpringTest
class CatalogEndToEndTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    TestIdentities identities;

    @Test
    void theSampleRestartIsApprovedRunAndClosedComplete() throws Exception {
        identities.user("e2e-approver", List.of(Roles.OPERATORS_GROUP), List.of());
        byte[] body = Files.readAllBytes(Path.of("docs/samples/servicenow-ritm-restart-vm-demo.json"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Opsflow-Delivery", json.readTree(body).at("/event/id").asText());
        headers.set("X-Opsflow-Signature", "sha256=" + WebhookEndToEndTest.hmac("test-only-servicenow-webhook-secret", body));
        ResponseEntity<String> accepted = rest.postForEntity("/webhooks/servicenow", new HttpEntity<>(body, headers), String.class);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String instanceId = json.readTree(accepted.getBody()).get("processInstanceId").asText();
        assertThat(rest.postForEntity("/webhooks/servicenow", new HttpEntity<>(body, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode approval = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(instanceId), t -> t != null);
        assertThat(approval.get("taskDefinitionKey").asText()).isEqualTo("UserTask_ApproveRequest");
        await().atMost(Duration.ofSeconds(30)).until(() -> "waiting_for_approval".equals(ritm().value("stage")));
        assertThat(approval.get("name").asText()).isEqualTo("承認 · RITM0090001 · デモ株式会社 (Demo Co.) · vm-demo-web01");
        assertThat(approval.get("priority").asInt()).isEqualTo(50);
        assertThat(approval.get("due").asText()).isNotBlank();

        // As Tasklist submits a Camunda Form: every field, the read-only ones sent back as loaded.
        String taskId = approval.get("id").asText();
        JsonNode shown = json.readTree(rest.withBasicAuth("e2e-approver", TestIdentities.PASSWORD).getForObject(
                "/engine-rest/task/" + taskId + "/form-variables?variableNames=ritmNumber,customerName,customerId,requestedForName,requestReason,"
                        + "scheduledStart,scheduledStartPassed,requestSummary", String.class));
        assertThat(shown.at("/requestedForName/value").asText()).isEqualTo("Jiro Suzuki");
        assertThat(shown.at("/requestReason/value").asText()).isEqualTo("月例パッチ適用後の再起動 / Restart after the monthly patch");
        assertThat(shown.at("/scheduledStart/value").asText()).isEqualTo("2026-11-24 02:10 UTC");
        assertThat(shown.at("/scheduledStartPassed/value").asBoolean()).as("the sample's start lies in the past").isTrue();
        Map<String, Object> submitted = new java.util.LinkedHashMap<>();
        shown.properties().forEach(e -> submitted.put(e.getKey(), Map.of("value", json.convertValue(e.getValue().get("value"), Object.class))));
        submitted.put("approvalDecision", Map.of("value", "approve"));
        submitted.put("approvalReason", Map.of("value", "パッチ適用のため"));
        ResponseEntity<String> done = rest.withBasicAuth("e2e-approver", TestIdentities.PASSWORD).postForEntity(
                "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", submitted), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(60)).until(() -> "3".equals(ritm().value("state")));
        assertThat(ritm().value("stage")).isEqualTo("complete");
        List<String> notes = servicenow.query(new TableQuery("sys_journal_field",
                "element_id=de3e0000000000000000000000000001^element=work_notes", List.of("value"))).stream().map(r -> r.value("value")).toList();
        assertThat(notes).anyMatch(n -> n.contains("Restart-AzureVM") && n.contains("VMName = vm-demo-web01"));
    }

    private TableRecord ritm() {
        return servicenow.query(new TableQuery("sc_req_item", "sys_id=de3e0000000000000000000000000001", List.of("state", "stage"))).get(0);
    }

    private JsonNode taskOf(String instanceId) throws Exception {
        JsonNode tasks = json.readTree(rest.withBasicAuth("e2e-approver", TestIdentities.PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + instanceId, String.class));
        return tasks.isEmpty() ? null : tasks.get(0);
    }
}
