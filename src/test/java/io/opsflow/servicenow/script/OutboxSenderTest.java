package io.opsflow.servicenow.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.scripts.RefusingProxy;

/**
 * The business rules and the outbox sender under Rhino against a stub endpoint: what is stored at
 * the change, how each answer is handled, and the order per record.
 */
class OutboxSenderTest {

    private static final String DELIVERY = "X-Opsflow-Delivery";

    private static final String SECRET = "unit-test-secret-そのまま";
    private static final String OUTBOX = "u_opsflow_outbox";
    private final ObjectMapper json = new ObjectMapper();

    RefusingProxy endpoint;
    Glide servicenow;

    @BeforeEach
    void instance() throws Exception {
        endpoint = new RefusingProxy(null);
        servicenow = new Glide(endpoint.url(), SECRET);
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void eachChangeIsStoredAsItWasWhenTheRuleRan() throws Exception {
        ChangedRecord created = incident("aaaa0000000000000000000000000001");
        ChangedRecord commented = created.updated("2026-11-24 02:01:00", Map.of("state", "2", "assigned_to", "9a8b"), "comments",
                "2026-11-24 02:01:00 - Hanako Sato (Additional comments)\nLooking at it.\n\n");
        ChangedRecord noted = commented.updated("2026-11-24 02:01:00", Map.of(), "work_notes",
                "2026-11-24 02:01:00 - Hanako Sato (Work notes)\nCPU 100 %\n\n");
        servicenow.afterRule("incident", created);
        servicenow.afterRule("incident", commented);
        servicenow.afterRule("incident", noted);

        List<JsonNode> payloads = payloads();
        assertThat(payloads).extracting(p -> p.at("/event/type").asText()).containsExactly("created", "updated", "updated");
        assertThat(payloads).extracting(p -> p.at("/record/sys_mod_count").asText()).containsExactly("0", "1", "2");
        assertThat(payloads.get(0).at("/event/changed_fields")).isEmpty();
        assertThat(json.convertValue(payloads.get(1).at("/event/changed_fields"), List.class)).containsExactly("state", "assigned_to", "comments");
        assertThat(json.convertValue(payloads.get(2).at("/event/changed_fields"), List.class)).containsExactly("work_notes");
        assertThat(payloads.get(1).at("/record/latest_comment").asText()).endsWith("Looking at it.\n\n");
        assertThat(payloads.get(1).at("/record/description").asText()).isEqualTo("CPU high on vm-acme-web01");
        assertThat(payloads.get(2).at("/record/latest_work_note").asText()).contains("CPU 100 %");
        assertThat(payloads).extracting(p -> p.at("/event/id").asText()).doesNotHaveDuplicates();
        assertThat(servicenow.rows(OUTBOX)).extracting(r -> r.get("u_sequence")).containsExactly("0", "1", "2");
    }

    @Test
    void aRequestedItemCarriesItsCatalogItemAndVariables() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sys_id", "c8e0a2b4d6f84a1c3e5a7c9e1b3d5f70");
        values.put("number", "RITM0010007");
        values.put("request", "1a3c");
        values.put("cat_item", "4f6a");
        values.put("requested_for", "b2d4");
        values.put("approval", "approved");
        values.put("description", "説明");
        values.put("company", "8c1d");
        Map<String, String[]> variables = new LinkedHashMap<>();
        variables.put("vm_name", new String[] {"vm-acme-web01", "vm-acme-web01"});
        variables.put("restart_mode", new String[] {"graceful", "Graceful (shutdown then start)"});
        servicenow.afterRule("sc_req_item", ChangedRecord.inserted("sc_req_item", values,
                Map.of("cat_item", "Restart VM", "request", "REQ0010005", "requested_for", "Jiro Suzuki"), variables));

        JsonNode payload = payloads().get(0);
        assertThat(payload.at("/event/table").asText()).isEqualTo("sc_req_item");
        assertThat(payload.at("/record/cat_item").asText()).isEqualTo("4f6a");
        assertThat(payload.at("/record/cat_item_name").asText()).isEqualTo("Restart VM");
        assertThat(payload.at("/record/request_number").asText()).isEqualTo("REQ0010005");
        assertThat(payload.at("/record/requested_for").asText()).isEqualTo("b2d4");
        assertThat(payload.at("/record/approval").asText()).isEqualTo("approved");
        assertThat(payload.at("/record/description").asText()).isEqualTo("説明");
        assertThat(json.convertValue(payload.get("variables"), Map.class))
                .isEqualTo(Map.of("vm_name", "vm-acme-web01", "restart_mode", "graceful"));
        assertThat(payload.at("/display_values/restart_mode").asText()).isEqualTo("Graceful (shutdown then start)");
        assertThat(payload.at("/display_values/requested_for").asText()).isEqualTo("Jiro Suzuki");
        assertThat(payload.at("/display_values").has("vm_name")).as("same as its value").isFalse();
    }

    @Test
    void aRefusalNeedingAHumanHoldsOnlyItsRecordUntilResentAndTheSecretStaysOutOfTheLog() throws Exception {
        ChangedRecord a = incident("aaaa0000000000000000000000000001");
        servicenow.afterRule("incident", a);
        servicenow.afterRule("incident", a.updated("2026-11-24 02:01:00", Map.of("state", "2"), null, null));
        servicenow.afterRule("incident", incident("bbbb0000000000000000000000000002"));

        endpoint.refuseNext(400, null);
        servicenow.senderJob();
        assertThat(endpoint.exchanges()).extracting(RefusingProxy.Exchange::status).containsExactly(400, 202);
        assertThat(states()).containsExactly("failed", "ready", "sent");
        Map<String, String> failed = servicenow.rows(OUTBOX).get(0);
        assertThat(failed).containsEntry("u_attempts", "1").containsEntry("u_last_status", "400");
        assertThat(servicenow.log).singleElement().asString().contains(failed.get("u_delivery_id"), "INC0000001", "HTTP 400");

        servicenow.advance(3600);
        servicenow.senderJob();
        assertThat(endpoint.exchanges()).as("the later change waits behind the failed one").hasSize(2);

        // The documented resend: state back to ready, next attempt now.
        Map<String, String> row = servicenow.table(OUTBOX).get(0);
        row.put("u_state", "ready");
        row.put("u_next_attempt_at", servicenow.nowText());
        servicenow.senderJob();
        assertThat(endpoint.exchanges()).extracting(RefusingProxy.Exchange::status).containsExactly(400, 202, 202, 202);
        assertThat(endpoint.exchanges().get(2).header(DELIVERY)).isEqualTo(failed.get("u_delivery_id"));
        assertThat(states()).containsOnly("sent");

        for (RefusingProxy.Exchange exchange : endpoint.exchanges()) {
            assertThat(exchange.header("X-Opsflow-Signature")).isEqualTo("sha256=" + hmac(exchange.body()));
            assertThat(exchange.header(DELIVERY)).isEqualTo(json.readTree(exchange.body()).at("/event/id").asText());
        }
        assertThat(String.join("\n", servicenow.log)).doesNotContain(SECRET, Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serverErrorsAndNoAnswerBackOffDoublingWhileThrottlingHonoursRetryAfter() throws Exception {
        servicenow.afterRule("incident", incident("aaaa0000000000000000000000000001"));
        endpoint.refuseNext(500, "1");
        servicenow.senderJob();
        assertThat(nextAttemptInSeconds()).as("Retry-After is for 503 and 429 only").isEqualTo(60);

        servicenow.advance(59);
        servicenow.senderJob();
        assertThat(endpoint.exchanges()).hasSize(1);
        servicenow.advance(1);
        endpoint.refuseNext(502, null);
        servicenow.senderJob();
        assertThat(nextAttemptInSeconds()).isEqualTo(120);

        servicenow.advance(120);
        try (ServerSocket socket = new ServerSocket(0)) {
            servicenow.properties.put("opsflow.webhook.url", "http://127.0.0.1:" + socket.getLocalPort() + "/closed");
        }
        servicenow.senderJob();
        Map<String, String> row = servicenow.rows(OUTBOX).get(0);
        assertThat(row).containsEntry("u_last_status", "0").containsEntry("u_state", "ready").containsEntry("u_attempts", "3");
        assertThat(row.get("u_last_error")).isNotBlank();
        assertThat(nextAttemptInSeconds()).isEqualTo(240);

        servicenow.properties.put("opsflow.webhook.url", endpoint.url());
        servicenow.advance(240);
        endpoint.refuseNext(503, "600");
        servicenow.senderJob();
        assertThat(nextAttemptInSeconds()).isEqualTo(600);
        servicenow.advance(600);
        endpoint.refuseNext(429, "45");
        servicenow.senderJob();
        assertThat(nextAttemptInSeconds()).isEqualTo(45);

        servicenow.table(OUTBOX).get(0).put("u_attempts", "59");
        servicenow.advance(45);
        endpoint.refuseNext(500, null);
        servicenow.senderJob();
        assertThat(servicenow.rows(OUTBOX).get(0)).as("about 55 hours of attempts: a human decides")
                .containsEntry("u_state", "failed").containsEntry("u_attempts", "60");
    }

    @Test
    void theBackOffReachesAnHourAndCoversTwoDaysBeforeGivingUp() throws Exception {
        Map<String, Object> none = Map.of();
        java.nio.file.Path probe = java.nio.file.Files.createTempFile("backoff", ".js");
        try {
            java.nio.file.Files.writeString(probe, "var s = new OpsflowOutboxSender(), total = 0, waits = [];"
                    + "for (var n = 1; n < OpsflowOutboxSender.MAX_ATTEMPTS; n++) { var w = s._backoff(n); waits.push(w); total += w; }"
                    + "JSON.stringify({first: waits.slice(0, 7), total: total});");
            JsonNode result = json.readTree((String) servicenow.run(none, probe));
            assertThat(json.convertValue(result.get("first"), List.class)).containsExactly(60, 120, 240, 480, 960, 1920, 3600);
            assertThat(result.get("total").asLong()).isGreaterThan(48 * 3600);
        } finally {
            java.nio.file.Files.delete(probe);
        }
    }

    private long nextAttemptInSeconds() {
        String next = servicenow.rows(OUTBOX).get(0).get("u_next_attempt_at");
        return java.time.Duration.between(servicenow.now(), java.time.LocalDateTime.parse(next.replace(' ', 'T'))
                .toInstant(java.time.ZoneOffset.UTC)).toSeconds();
    }

    private List<String> states() {
        return servicenow.rows(OUTBOX).stream().map(r -> r.get("u_state")).toList();
    }

    private List<JsonNode> payloads() throws Exception {
        List<JsonNode> payloads = new java.util.ArrayList<>();
        for (Map<String, String> row : servicenow.rows(OUTBOX)) {
            payloads.add(json.readTree(row.get("u_payload")));
        }
        return payloads;
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static ChangedRecord incident(String sysId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sys_id", sysId);
        values.put("number", sysId.startsWith("a") ? "INC0000001" : "INC0000002");
        values.put("state", "1");
        values.put("short_description", "CPU high");
        values.put("description", "CPU high on vm-acme-web01");
        values.put("company", "8c1d");
        values.put("sys_updated_on", "2026-11-24 02:00:00");
        values.put("sys_updated_by", "hanako.sato");
        return ChangedRecord.inserted("incident", values, Map.of(), Map.of());
    }
}
