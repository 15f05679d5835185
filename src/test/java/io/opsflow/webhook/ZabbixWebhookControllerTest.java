package io.opsflow.webhook;

import static io.opsflow.webhook.Fixtures.ACME;
import static io.opsflow.webhook.Fixtures.GLOBEX;
import static io.opsflow.webhook.Fixtures.PROCESS_INSTANCE;
import static io.opsflow.webhook.Fixtures.body;
import static io.opsflow.webhook.Fixtures.bytes;
import static io.opsflow.webhook.Fixtures.forwarded;
import static io.opsflow.webhook.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.intake.IntakeResult.Outcome;

@WebMvcTest(controllers = ZabbixWebhookController.class)
@Import({ZabbixAlerts.class, AlertWebhooks.class, WebhookCredentials.class, SecureWebhookTokens.class, WebhookSliceConfiguration.class})
@TestPropertySource(properties = {
        Fixtures.ACME_ZABBIX_TOKEN_ENV + "=" + ZabbixWebhookControllerTest.TOKEN,
        "OPSFLOW_GLOBEX_ZABBIX_TOKEN=" + ZabbixWebhookControllerTest.GLOBEX_TOKEN,
        "opsflow.webhook.zabbix.time-zone=Asia/Tokyo"})
class ZabbixWebhookControllerTest {

    static final String TOKEN = "zabbix-test-token-81c2";
    static final String GLOBEX_TOKEN = "zabbix-test-token-globex-40aa";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IncidentIntake intake;
    @MockitoBean
    CustomerRegistry customers;

    boolean invalidRequest;

    @BeforeEach
    void acmeIsACustomer() {
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        when(customers.findByZabbixHostGroup("ACME/Production")).thenReturn(Optional.of(ACME));
        when(customers.findByZabbixHostGroup("Globex/Production")).thenReturn(Optional.of(GLOBEX));
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STARTED, "zabbix:acme:4711"));
    }

    @AfterEach
    void invalidRequestsNeverReachTheIntake() {
        if (invalidRequest) {
            verifyNoInteractions(intake);
        }
    }

    @Test
    void aProblemReachesTheIntakeTypedAndItsStartIsAnswered202() throws Exception {
        send(body("zabbix/webhook-problem.json"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.businessKey").value("zabbix:acme:4711"));

        Alert alert = received();
        assertThat(alert.source()).isEqualTo("zabbix");
        assertThat(alert.alertId()).isEqualTo("zabbix:acme:4711");
        assertThat(alert.deliveryId()).isEqualTo("zabbix:acme:4711/problem");
        assertThat(alert.customerId()).isEqualTo("acme");
        assertThat(alert.ruleName()).isEqualTo("vm-acme-db01 is unreachable for 5 minutes");
        assertThat(alert.targetResource()).isEqualTo("vm-acme-db01");
        assertThat(alert.severityLevel()).isZero();
        assertThat(alert.state()).isEqualTo(Alert.State.FIRED);
        assertThat(alert.summary()).isEqualTo("[Zabbix] Disaster: vm-acme-db01 is unreachable for 5 minutes on vm-acme-db01");
        // 17:20:05 on the Zabbix server, which runs in JST
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:20:05Z"));
        assertThat(alert.description())
                .contains("customer=acme")
                .contains("env=prod")
                .contains("10.20.1.14")
                .contains("= Down (0)")
                .contains("Zabbix: https://zabbix.contoso-msp.example/zabbix/tr_events.php?triggerid=23518&eventid=4711")
                .doesNotContain("recovery event")
                .doesNotContain("\nUpdate: ");
        assertThat(alert.description()).contains("Item: ICMP ping = Down (0)").contains("Original problem ID: 4711")
                .doesNotContain("{EVENT.");
    }

    @Test
    void anUpdateCarriesItsMessageAndEachUpdateIsItsOwnDelivery() throws Exception {
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.CORRELATED, "zabbix:acme:4711"));
        ObjectNode update = update("調査中です。DBチームに連絡済み");

        send(update).andExpect(status().isOk()).andExpect(jsonPath("$.correlated").value(true));
        Alert first = received();
        assertThat(first.alertId()).isEqualTo("zabbix:acme:4711");
        assertThat(first.state()).isEqualTo(Alert.State.UPDATED);
        assertThat(first.deliveryId()).startsWith("zabbix:acme:4711/update:2026.11.24T17:31:10:");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:31:10Z"));
        assertThat(first.summary()).isEqualTo("[Zabbix] Updated: vm-acme-db01 is unreachable for 5 minutes on vm-acme-db01");
        assertThat(first.description())
                .contains("Update: acknowledged, commented")
                .contains("Update by: 佐藤 花子");
        assertThat(first.description()).contains("Update message: 調査中です。DBチームに連絡済み");

        clearInvocations(intake);
        send(update).andExpect(status().isOk());
        assertThat(received().deliveryId()).as("a retried update keeps its id").isEqualTo(first.deliveryId());

        clearInvocations(intake);
        send(update("再起動しました")).andExpect(status().isOk());
        assertThat(received().deliveryId()).as("another comment is another delivery").isNotEqualTo(first.deliveryId());
    }

    @Test
    void theRecoveryCarriesTheProblemsAlertIdAsResolved() throws Exception {
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.CORRELATED, "zabbix:acme:4711"));

        send(body("zabbix/webhook-recovery.json")).andExpect(status().isOk()).andExpect(jsonPath("$.correlated").value(true));

        Alert alert = received();
        assertThat(alert.alertId()).isEqualTo("zabbix:acme:4711");
        assertThat(alert.state()).isEqualTo(Alert.State.RESOLVED);
        assertThat(alert.deliveryId()).isEqualTo("zabbix:acme:4711/recovery:4733");
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:46:31Z"));
        assertThat(alert.summary()).startsWith("[Zabbix] Resolved: ");
        assertThat(alert.description()).contains("recovery event 4733").contains("= Up (1)");
    }

    @Test
    void aRepeatedDeliveryKeepsItsDeliveryIdAndTheIntakesDuplicateIsAnswered200() throws Exception {
        // The intake recognises a duplicate by the delivery id (its ledger: IncidentIntakeIntegrationTest);
        // the controller's part is to give a repeated delivery the same id and answer the verdict.
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STARTED, "zabbix:acme:4711"),
                result(Outcome.DUPLICATE, "zabbix:acme:4711"));
        ObjectNode problem = body("zabbix/webhook-problem.json");

        send(problem).andExpect(status().isAccepted());
        send(problem)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE));

        ArgumentCaptor<Alert> alerts = ArgumentCaptor.forClass(Alert.class);
        verify(intake, times(2)).receive(alerts.capture());
        assertThat(alerts.getAllValues()).extracting(Alert::deliveryId).containsOnly("zabbix:acme:4711/problem");
    }

    @Test
    void theZabbix30AlertScriptProblemAndRecoveryMapToOneAlert() throws Exception {
        send(withCustomerLine(forwarded("zabbix/alertscript-3.0-problem.json"))).andExpect(status().isAccepted());
        Alert problem = received();
        assertThat(problem.alertId()).isEqualTo("zabbix:acme:90211");
        assertThat(problem.deliveryId()).isEqualTo("zabbix:acme:90211/problem");
        assertThat(problem.state()).isEqualTo(Alert.State.FIRED);
        assertThat(problem.customerId()).isEqualTo("acme");
        assertThat(problem.severityLevel()).isEqualTo(1);
        assertThat(problem.ruleName()).isEqualTo("Free disk space is less than 10% on volume C:");
        assertThat(problem.targetResource()).isEqualTo("ACME-FS01");
        assertThat(problem.occurredAt()).isEqualTo(Instant.parse("2026-11-24T00:12:44Z"));
        assertThat(problem.summary()).isEqualTo("[Zabbix] High: Free disk space is less than 10% on volume C: on ACME-FS01");
        assertThat(problem.description())
                .contains("Item: Free disk space on C: (percentage) = 7.41 %")
                .contains("(acme-fs01)")
                .contains("Trigger id: 13870");

        clearInvocations(intake);
        send(withCustomerLine(forwarded("zabbix/alertscript-3.0-recovery.json"))).andExpect(status().isAccepted());
        Alert recovery = received();
        assertThat(recovery.alertId()).isEqualTo("zabbix:acme:90211");
        assertThat(recovery.state()).isEqualTo(Alert.State.RESOLVED);
        assertThat(recovery.deliveryId()).isEqualTo("zabbix:acme:90211/recovery:90388");
        assertThat(recovery.occurredAt()).isEqualTo(Instant.parse("2026-11-24T01:03:17Z"));
        assertThat(recovery.description()).contains("= 23.90 %");
    }

    @Test
    void withoutACustomerTagTheHostGroupsFindTheCustomer() throws Exception {
        ObjectNode problem = body("zabbix/webhook-problem.json");
        problem.put("event_tags", "[{\"tag\":\"env\",\"value\":\"prod\"}]");
        problem.put("trigger_hostgroups", "Linux servers, ACME/Production");
        send(problem).andExpect(status().isAccepted());
        assertThat(received().customerId()).isEqualTo("acme");

        clearInvocations(intake);
        ObjectNode script = forwarded("zabbix/alertscript-3.0-problem.json");
        script.put("message", script.get("message").asText() + "\nhost_groups: ACME/Production");
        send(script).andExpect(status().isAccepted());
        assertThat(received().customerId()).isEqualTo("acme");
    }

    @ParameterizedTest
    @CsvSource({"Disaster,5,0", "High,4,1", "Average,3,2", "Warning,2,3", "Information,1,4", "Not classified,0,4", "重大,4,1"})
    void zabbixSeveritiesMapToLevelsByTheirNumber(String severity, String number, int level) throws Exception {
        ObjectNode problem = body("zabbix/webhook-problem.json");
        problem.put("event_severity", severity);
        problem.put("event_nseverity", number);
        send(problem).andExpect(status().isAccepted());
        assertThat(received().severityLevel()).isEqualTo(level);
    }

    @Test
    void theTriggersMonitoringItemAndAPreOperationTestRunComeFromItsTags() throws Exception {
        ObjectNode body = body("zabbix/webhook-problem.json");
        body.put("event_tags", "[{\"tag\":\"customer\",\"value\":\"acme\"},{\"tag\":\"opsflow-item\",\"value\":\"DB ping\"},"
                + "{\"tag\":\"opsflow-test\",\"value\":\"preop-42\"}]");
        send(body).andExpect(status().isAccepted());

        Alert alert = received();
        assertThat(alert.monitoringItem()).isEqualTo("DB ping");
        assertThat(alert.testRun()).isEqualTo("preop-42");
    }

    @Test
    void japaneseTextReachesTheAlertUnchanged() throws Exception {
        ObjectNode problem = body("zabbix/webhook-problem.json");
        problem.put("trigger_name", "本番DBサーバーに5分間pingが通りません");
        problem.put("host_name", "本番DB01");
        problem.put("event_tags", "[{\"tag\":\"customer\",\"value\":\"acme\"},{\"tag\":\"担当\",\"value\":\"インフラ運用課\"}]");

        send(problem).andExpect(status().isAccepted());

        Alert alert = received();
        assertThat(alert.ruleName()).isEqualTo("本番DBサーバーに5分間pingが通りません");
        assertThat(alert.summary()).isEqualTo("[Zabbix] Disaster: 本番DBサーバーに5分間pingが通りません on 本番DB01");
        assertThat(alert.description()).contains("担当=インフラ運用課");
    }

    @Test
    void aMissingOrWrongTokenIs401() throws Exception {
        invalidRequest = true;
        byte[] body = bytes(body("zabbix/webhook-problem.json"));
        mvc.perform(post("/webhooks/zabbix/acme").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Authorization: Bearer <token> is missing"));
        send("Bearer zabbix-test-token-81c3", MediaType.APPLICATION_JSON_VALUE, body)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The bearer token is wrong"));
        send("Basic " + TOKEN, MediaType.APPLICATION_JSON_VALUE, body).andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        invalidRequest = true;
        send("Bearer " + TOKEN, MediaType.APPLICATION_JSON_VALUE, "{\"event_id\": 4711,,}".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        invalidRequest = true;
        ObjectNode problem = body("zabbix/webhook-problem.json");
        problem.remove("trigger_name");
        problem.put("event_name", "{EVENT.NAME}");
        send(problem)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("trigger_name: is missing"));

        ObjectNode tags = body("zabbix/webhook-problem.json");
        tags.put("event_tags", "[{\"tag\":");
        send(tags).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("event_tags"));

        ObjectNode script = forwarded("zabbix/alertscript-3.0-problem.json");
        script.put("message", script.get("message").asText().replace("event_id: 90211\n", "") + "\ncustomer: acme");
        send(script).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("message.event_id"));

        ObjectNode untemplated = forwarded("zabbix/alertscript-3.0-problem.json");
        untemplated.put("message", "Free disk space is less than 10% on volume C:");
        send(untemplated).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("message"));
    }

    @Test
    void aBodyOver256KiBIs413() throws Exception {
        invalidRequest = true;
        send("Bearer " + TOKEN, MediaType.APPLICATION_JSON_VALUE, Fixtures.oversized())
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        invalidRequest = true;
        send("Bearer " + TOKEN, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "event_id=4711".getBytes())
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void customerAsTokenNamingCustomerBsHostGroupOrTagIs403AndStartsNothing() throws Exception {
        invalidRequest = true;
        ObjectNode hostGroup = body("zabbix/webhook-problem.json");
        hostGroup.put("event_tags", "[{\"tag\":\"env\",\"value\":\"prod\"}]");
        hostGroup.put("trigger_hostgroups", "Linux servers, Globex/Production");
        send(hostGroup)
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Event outside the credential's customer"))
                .andExpect(jsonPath("$.errors[0].field").value("trigger_hostgroups"))
                .andExpect(jsonPath("$.detail").value("trigger_hostgroups: host group 'Globex/Production' is not customer 'acme''s "
                        + "(zabbix.hostGroups): nothing was started"));

        ObjectNode tag = body("zabbix/webhook-problem.json");
        tag.put("event_tags", "[{\"tag\":\"customer\",\"value\":\"globex\"}]");
        send(tag)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("event_tags"))
                .andExpect(jsonPath("$.detail").value("event_tags: the event names customer 'globex', but the token is customer "
                        + "'acme''s: nothing was started"));

        ObjectNode script = forwarded("zabbix/alertscript-3.0-problem.json");
        script.put("message", script.get("message").asText() + "\ncustomer: globex");
        send(script).andExpect(status().isForbidden()).andExpect(jsonPath("$.errors[0].field").value("message.customer"));
    }

    @Test
    void oneCustomersTokenIsWrongForAnotherCustomer() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/zabbix/globex").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content(bytes(body("zabbix/webhook-problem.json"))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The bearer token is wrong"));
        mvc.perform(post("/webhooks/zabbix/initech").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content(bytes(body("zabbix/webhook-problem.json"))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Customer 'initech' has no Zabbix webhook credential (zabbix.tokenEnv in the registry)"));
    }

    @Test
    void anEventWithoutTagOrOwnedHostGroupIsTheTokensCustomers() throws Exception {
        // The 3.0 contract message names neither a customer nor host groups: the token says whose it is.
        send(forwarded("zabbix/alertscript-3.0-problem.json")).andExpect(status().isAccepted());
        assertThat(received().customerId()).isEqualTo("acme");
    }

    @Test
    void theRetiredMspWideUrlIs410() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/zabbix").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content(bytes(body("zabbix/webhook-problem.json"))))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("POST /webhooks/zabbix/{customerId}")));
    }

    /** The problem of webhook-problem.json acknowledged with a comment, as the media type sends it. */
    private static ObjectNode update(String message) {
        ObjectNode update = body("zabbix/webhook-problem.json");
        update.put("event_update_status", "1");
        update.put("event_update_action", "acknowledged, commented");
        update.put("event_update_message", message);
        update.put("event_update_user", "佐藤 花子");
        update.put("event_update_date", "2026.11.24");
        update.put("event_update_time", "17:31:10");
        update.put("event_ack_status", "Yes");
        return update;
    }

    private static ObjectNode withCustomerLine(ObjectNode forwarded) {
        forwarded.put("message", forwarded.get("message").asText() + "\ncustomer: acme");
        return forwarded;
    }

    private Alert received() {
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(intake).receive(alert.capture());
        return alert.getValue();
    }

    private ResultActions send(ObjectNode body) throws Exception {
        return send("Bearer " + TOKEN, "application/json; charset=utf-8", bytes(body));
    }

    private ResultActions send(String authorization, String contentType, byte[] body) throws Exception {
        return mvc.perform(post("/webhooks/zabbix/acme").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(contentType).content(body));
    }
}
