package io.opsflow.webhook;

import static io.opsflow.webhook.Fixtures.ACME;
import static io.opsflow.webhook.Fixtures.COMPANY;
import static io.opsflow.webhook.Fixtures.PROCESS_INSTANCE;
import static io.opsflow.webhook.Fixtures.body;
import static io.opsflow.webhook.Fixtures.bytes;
import static io.opsflow.webhook.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.incident.ServiceNowIncidentEvent;
import io.opsflow.intake.IntakeResult.Outcome;
import io.opsflow.servicenow.IncidentState;

@WebMvcTest(controllers = ServiceNowWebhookController.class)
@Import({ServiceNowWebhookRouter.class, ServiceNowIncidentHandler.class, WebhookSliceConfiguration.class})
@TestPropertySource(properties = "opsflow.webhook.servicenow.secret=" + ServiceNowWebhookControllerTest.SECRET)
class ServiceNowWebhookControllerTest {

    static final String SECRET = "servicenow-test-secret-5d1e";
    static final String UPDATED = "servicenow/webhook-incident-updated.json";
    static final String DELIVERY = "0f8c2a5e9b7d4c1e8a3f6b2d0c9e7a14";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IncidentIntake intake;
    @MockitoBean
    CustomerRegistry customers;

    boolean invalidRequest;

    @BeforeEach
    void acmeIsTheCompany() {
        when(customers.findByServiceNowCompany(COMPANY)).thenReturn(Optional.of(ACME));
        when(intake.receive(any(ServiceNowIncidentEvent.class))).thenReturn(result(Outcome.CORRELATED, "INC0010042"));
    }

    @AfterEach
    void invalidRequestsNeverReachTheIntake() {
        if (invalidRequest) {
            verifyNoInteractions(intake);
        }
    }

    @Test
    void anUpdatedIncidentReachesTheIntakeTypedAndItsCorrelationIsAnswered200() throws Exception {
        send(body(UPDATED))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.businessKey").value("INC0010042"))
                .andExpect(jsonPath("$.correlated").value(true));

        ServiceNowIncidentEvent event = received();
        assertThat(event.deliveryId()).isEqualTo(DELIVERY);
        assertThat(event.type()).isEqualTo("updated");
        assertThat(event.sysId()).isEqualTo("5f2e8c1a47d0b210a3c9e6f15d8b7a42");
        assertThat(event.number()).isEqualTo("INC0010042");
        assertThat(event.customerId()).isEqualTo("acme");
        assertThat(event.modCount()).isEqualTo(2);
        assertThat(event.changedFields()).containsExactly("state", "assigned_to", "comments");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T02:03:11Z"));
        assertThat(event.incident().state()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(event.incident().stateCode()).isEqualTo("2");
        assertThat(event.incident().company()).isEqualTo(COMPANY);
        assertThat(event.incident().closeCode()).isEqualTo("");
        assertThat(event.latestComment()).isEqualTo("2026-11-24 02:03:11 - Hanako Sato (Additional comments)\n"
                + "We are investigating high CPU on the web server.\n\n");
    }

    @Test
    void aCreatedIncidentReachesTheIntakeWithItsJapaneseTextAndItsStartIsAnswered202() throws Exception {
        when(intake.receive(any(ServiceNowIncidentEvent.class))).thenReturn(result(Outcome.STARTED, "INC0010050"));

        send(created())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.businessKey").value("INC0010050"))
                .andExpect(jsonPath("$.correlated").doesNotExist());

        ServiceNowIncidentEvent event = received();
        assertThat(event.type()).isEqualTo("created");
        assertThat(event.number()).isEqualTo("INC0010050");
        assertThat(event.modCount()).isZero();
        assertThat(event.incident().shortDescription()).isEqualTo("本番DBサーバーに接続できない（受注システム停止）");
        assertThat(event.latestComment()).isEqualTo("お客様より電話連絡あり。至急対応をお願いします。");
    }

    @Test
    void theSameDeliveryThreeTimesKeepsItsDeliveryIdAndTheIntakesDuplicatesAreAnswered200() throws Exception {
        when(intake.receive(any(ServiceNowIncidentEvent.class))).thenReturn(result(Outcome.STARTED, "INC0010050"),
                result(Outcome.DUPLICATE, "INC0010050"), result(Outcome.DUPLICATE, "INC0010050"));
        ObjectNode created = created();

        send(created).andExpect(status().isAccepted());
        send(created).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE));
        send(created).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));

        ArgumentCaptor<ServiceNowIncidentEvent> events = ArgumentCaptor.forClass(ServiceNowIncidentEvent.class);
        verify(intake, times(3)).receive(events.capture());
        assertThat(events.getAllValues()).extracting(ServiceNowIncidentEvent::deliveryId).containsOnly("b3d5f7a9c1e34b5d7f9a1c3e5b7d9f11");
    }

    @Test
    void aStaleIntakeResultIsAnswered200MarkedStale() throws Exception {
        when(intake.receive(any(ServiceNowIncidentEvent.class))).thenReturn(result(Outcome.STALE, "INC0010042"));
        send(body(UPDATED)).andExpect(status().isOk()).andExpect(jsonPath("$.stale").value(true));
    }

    @Test
    void aWrongTypedFieldIs400NamingItNotASilentDefault() throws Exception {
        invalidRequest = true;
        ObjectNode impactAsObject = created();
        ((ObjectNode) impactAsObject.get("record")).putObject("impact").put("level", 1);
        send(impactAsObject).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("record.impact"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("must be a string or a reference")));

        ObjectNode stateAsArray = created();
        ((ObjectNode) stateAsArray.get("record")).putArray("state").add("1");
        send(stateAsArray).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("record.state"));
    }

    @Test
    void aMissingSignatureIs401() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/servicenow").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Opsflow-Delivery", DELIVERY).content(bytes(body(UPDATED))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("X-Opsflow-Signature is missing"));
    }

    @Test
    void aBadSignatureIs401() throws Exception {
        invalidRequest = true;
        byte[] body = bytes(body(UPDATED));
        for (String signature : List.of(signature("another-secret", body), signature(SECRET, body).replace("sha256=", "sha1="),
                "sha256=not base64!", "sha256=")) {
            perform(body, signature, DELIVERY)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("X-Opsflow-Signature does not match the body"));
        }
    }

    @Test
    void aBodyChangedAfterSigningIs401() throws Exception {
        invalidRequest = true;
        byte[] signed = bytes(created());
        String signature = signature(SECRET, signed);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("至急", "明日").getBytes(StandardCharsets.UTF_8);
        perform(tampered, signature, "b3d5f7a9c1e34b5d7f9a1c3e5b7d9f11").andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        invalidRequest = true;
        byte[] body = "{\"event\": {\"id\": \"x\"".getBytes(StandardCharsets.UTF_8);
        perform(body, signature(SECRET, body), "x")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        invalidRequest = true;
        ObjectNode noModCount = body(UPDATED);
        ((ObjectNode) noModCount.get("record")).remove("sys_mod_count");
        send(noModCount)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("record.sys_mod_count: is missing"))
                .andExpect(jsonPath("$.errors[0].field").value("record.sys_mod_count"));

        ObjectNode noId = body(UPDATED);
        ((ObjectNode) noId.get("event")).remove("id");
        byte[] bytes = bytes(noId);
        perform(bytes, signature(SECRET, bytes), DELIVERY)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("event.id"));
    }

    @Test
    void aDeliveryHeaderOtherThanTheEventIdIs400() throws Exception {
        invalidRequest = true;
        byte[] body = bytes(body(UPDATED));
        perform(body, signature(SECRET, body), "6d1b9f3e0a7c4e28b5d2f8a6c4e0b9d7")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Opsflow-Delivery"));
        perform(body, signature(SECRET, body), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("X-Opsflow-Delivery: is missing (it must be event.id)"));
    }

    @Test
    void aBodyOver256KiBIs413() throws Exception {
        invalidRequest = true;
        byte[] body = Fixtures.oversized();
        perform(body, signature(SECRET, body), DELIVERY)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        invalidRequest = true;
        byte[] body = "<xml/>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/webhooks/servicenow").contentType(MediaType.APPLICATION_XML)
                        .header("X-Opsflow-Signature", signature(SECRET, body)).header("X-Opsflow-Delivery", DELIVERY).content(body))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownCompanyIs422NamingIt() throws Exception {
        invalidRequest = true;
        when(customers.findByServiceNowCompany(anyString())).thenReturn(Optional.empty());
        send(body(UPDATED))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No customer has the ServiceNow company " + COMPANY
                        + " (ACME Corporation) of record.company"));
    }

    @Test
    void aTableNoProcessHandlesIs422NamingIt() throws Exception {
        invalidRequest = true;
        send(body("servicenow/webhook-ritm-restart-vm.json"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No process handles ServiceNow table 'sc_req_item' (handled: incident)"));
    }

    /** webhook-incident-updated.json as the business rule sends it on insert of a new incident. */
    private static ObjectNode created() {
        ObjectNode body = body(UPDATED);
        ObjectNode event = (ObjectNode) body.get("event");
        event.put("id", "b3d5f7a9c1e34b5d7f9a1c3e5b7d9f11");
        event.put("type", "created");
        event.putArray("changed_fields");
        ObjectNode record = (ObjectNode) body.get("record");
        record.put("sys_id", "1c3e5a7b9d0f4b2c8e6a4c2e0a8b6d41");
        record.put("number", "INC0010050");
        record.put("state", "1");
        record.put("sys_mod_count", "0");
        record.put("correlation_id", "");
        record.put("short_description", "本番DBサーバーに接続できない（受注システム停止）");
        record.put("latest_comment", "お客様より電話連絡あり。至急対応をお願いします。");
        return body;
    }

    private ServiceNowIncidentEvent received() {
        ArgumentCaptor<ServiceNowIncidentEvent> event = ArgumentCaptor.forClass(ServiceNowIncidentEvent.class);
        verify(intake).receive(event.capture());
        return event.getValue();
    }

    /** Signed as the business rule signs: base64 of HMAC-SHA256 over the raw body with the shared secret. */
    static String signature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private ResultActions send(ObjectNode body) throws Exception {
        byte[] bytes = bytes(body);
        return perform(bytes, signature(SECRET, bytes), body.at("/event/id").asText());
    }

    private ResultActions perform(byte[] body, String signature, String delivery) throws Exception {
        MockHttpServletRequestBuilder request = post("/webhooks/servicenow").contentType("application/json; charset=utf-8")
                .header("X-Opsflow-Signature", signature).content(body);
        if (delivery != null) {
            request.header("X-Opsflow-Delivery", delivery);
        }
        return mvc.perform(request);
    }
}
