package io.opsflow.webhook;

import static io.opsflow.webhook.Fixtures.ACME;
import static io.opsflow.webhook.Fixtures.GLOBEX;
import static io.opsflow.webhook.Fixtures.GLOBEX_SUBSCRIPTION;
import static io.opsflow.webhook.Fixtures.PROCESS_INSTANCE;
import static io.opsflow.webhook.Fixtures.SUBSCRIPTION;
import static io.opsflow.webhook.Fixtures.body;
import static io.opsflow.webhook.Fixtures.bytes;
import static io.opsflow.webhook.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.intake.IntakeResult.Outcome;

@WebMvcTest(controllers = AzureMonitorWebhookController.class)
@Import({AzureMonitorAlerts.class, AlertWebhooks.class, WebhookCredentials.class, SecureWebhookTokens.class, WebhookSliceConfiguration.class})
@TestPropertySource(properties = {
        // acme is rotating its token: the new and the old one are both accepted for now
        Fixtures.ACME_AZURE_MONITOR_TOKEN_ENV + "=" + AzureMonitorWebhookControllerTest.TOKEN + "," + AzureMonitorWebhookControllerTest.OLD_TOKEN,
        "OPSFLOW_GLOBEX_AZURE_MONITOR_TOKEN=" + AzureMonitorWebhookControllerTest.GLOBEX_TOKEN})
class AzureMonitorWebhookControllerTest {

    static final String TOKEN = "azure-test-token-3f9a";
    static final String OLD_TOKEN = "azure-test-token-old-77c1";
    static final String GLOBEX_TOKEN = "azure-test-token-globex-5d20";
    static final String METRIC_ALERT_ID = "/subscriptions/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f/providers/"
            + "Microsoft.AlertsManagement/alerts/2d9f4c61-7a3e-4b08-95c2-e81f0a6b3d47";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IncidentIntake intake;
    @MockitoBean
    CustomerRegistry customers;

    boolean invalidRequest;

    @BeforeEach
    void acmeAndGlobexAreCustomers() {
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STARTED, "INC-business-key"));
    }

    @AfterEach
    void invalidRequestsNeverReachTheIntake() {
        if (invalidRequest) {
            verifyNoInteractions(intake);
        }
    }

    @Test
    void aFiredMetricAlertReachesTheIntakeTypedAndItsStartIsAnswered202() throws Exception {
        send(body("azure-monitor/alert-metric-fired.json"))
                .andExpect(status().isAccepted())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.businessKey").value("INC-business-key"))
                .andExpect(jsonPath("$.duplicate").doesNotExist())
                .andExpect(jsonPath("$.correlated").doesNotExist());

        Alert alert = received();
        assertThat(alert.source()).isEqualTo("azure-monitor");
        assertThat(alert.alertId()).isEqualTo(METRIC_ALERT_ID);
        assertThat(alert.deliveryId()).isEqualTo(METRIC_ALERT_ID + "/Fired/2026-11-24T01:58:12.4471130Z");
        assertThat(alert.customerId()).isEqualTo("acme");
        assertThat(alert.ruleName()).isEqualTo("acme-vm-cpu-high");
        assertThat(alert.targetResource()).isEqualTo("/subscriptions/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f/resourcegroups/"
                + "rg-acme-prod/providers/microsoft.compute/virtualmachines/vm-acme-web01");
        assertThat(alert.severityLevel()).isEqualTo(2);
        assertThat(alert.state()).isEqualTo(Alert.State.FIRED);
        assertThat(alert.summary()).isEqualTo("[Azure Monitor] Sev2 acme-vm-cpu-high fired on vm-acme-web01");
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-24T01:58:12.4471130Z"));
        assertThat(alert.description())
                .contains("CPU above 90% for 5 minutes on a production web VM")
                .contains("Percentage CPU Average GreaterThan 90; value 97.352")
                .contains("Configuration items: vm-acme-web01");
        assertThat(alert.description())
                .contains("Signal: Metric / Platform")
                .contains("Window: PT5M")
                .contains("customerId: acme")
                .contains("serviceNowCmdbCi: vm-acme-web01");
    }

    @Test
    void theResolvedMetricAlertCarriesTheFiredAlertsIdAndItsCorrelationIsAnswered200() throws Exception {
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.CORRELATED, "INC0010042"));

        send(body("azure-monitor/alert-metric-resolved.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.businessKey").value("INC0010042"))
                .andExpect(jsonPath("$.correlated").value(true))
                .andExpect(jsonPath("$.duplicate").doesNotExist());

        Alert alert = received();
        assertThat(alert.alertId()).isEqualTo(METRIC_ALERT_ID);
        assertThat(alert.state()).isEqualTo(Alert.State.RESOLVED);
        assertThat(alert.deliveryId()).isEqualTo(METRIC_ALERT_ID + "/Resolved/2026-11-24T02:21:40.9023318Z");
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-24T02:21:40.9023318Z"));
        assertThat(alert.summary()).isEqualTo("[Azure Monitor] Sev2 acme-vm-cpu-high resolved on vm-acme-web01");
        assertThat(alert.description()).contains("; value 12.804")
                .contains("Resolved: 2026-11-24T02:21:40.9023318Z");
    }

    @Test
    void aRepeatedDeliveryKeepsItsDeliveryIdAndTheIntakesDuplicateIsAnswered200() throws Exception {
        // The intake recognises a duplicate by the delivery id (its ledger: IncidentIntakeIntegrationTest);
        // the controller's part is to give a repeated delivery the same id and answer the verdict.
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STARTED, "INC0010042"),
                result(Outcome.DUPLICATE, "INC0010042"));
        ObjectNode fired = body("azure-monitor/alert-metric-fired.json");

        send(fired).andExpect(status().isAccepted());
        send(fired)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.processInstanceId").value(PROCESS_INSTANCE))
                .andExpect(jsonPath("$.correlated").doesNotExist());

        ArgumentCaptor<Alert> alerts = ArgumentCaptor.forClass(Alert.class);
        verify(intake, times(2)).receive(alerts.capture());
        assertThat(alerts.getAllValues()).extracting(Alert::deliveryId)
                .containsOnly(METRIC_ALERT_ID + "/Fired/2026-11-24T01:58:12.4471130Z");
    }

    @Test
    void anActivityLogAlertCarriesItsOperationAndCaller() throws Exception {
        send(body("azure-monitor/alert-activity-log-administrative.json")).andExpect(status().isAccepted());

        Alert alert = received();
        assertThat(alert.severityLevel()).isEqualTo(4);
        assertThat(alert.state()).isEqualTo(Alert.State.FIRED);
        assertThat(alert.ruleName()).isEqualTo("acme-prod-vm-deallocated");
        assertThat(alert.summary()).isEqualTo("[Azure Monitor] Sev4 acme-prod-vm-deallocated fired on vm-acme-db01");
        assertThat(alert.description())
                .contains("Operation: Microsoft.Compute/virtualMachines/deallocate/action")
                .contains("Caller: j.suzuki@acme.example");
        assertThat(alert.description())
                .contains("Signal: Activity Log / Activity Log - Administrative")
                .contains("Status: Succeeded")
                .doesNotContain("; value ");
    }

    @Test
    void aResourceHealthAlertCarriesTheHealthChange() throws Exception {
        send(body("azure-monitor/alert-resource-health-vm-unavailable.json")).andExpect(status().isAccepted());

        Alert alert = received();
        assertThat(alert.severityLevel()).isEqualTo(1);
        assertThat(alert.summary()).isEqualTo("[Azure Monitor] Sev1 acme-prod-vm-health fired on vm-acme-web01");
        assertThat(alert.description())
                .contains("Health: Available → Unavailable")
                .contains("Cause: Downtime, PlatformInitiated")
                .contains("your virtual machine isn't available");
        assertThat(alert.description())
                .contains(" / Resource Health")
                .contains("Level: Critical");
    }

    @Test
    void theRulesMonitoringItemAndAPreOperationTestRunComeFromItsCustomProperties() throws Exception {
        send(body("azure-monitor/alert-metric-fired.json")).andExpect(status().isAccepted());
        assertThat(received().monitoringItem()).isNull();
        assertThat(received().testRun()).isNull();

        ObjectNode body = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) body.at("/data/customProperties")).put("opsflow-item", "Web VM CPU 使用率").put("opsflow-test", "preop-42");
        send(body).andExpect(status().isAccepted());

        ArgumentCaptor<Alert> alerts = ArgumentCaptor.forClass(Alert.class);
        verify(intake, times(2)).receive(alerts.capture());
        assertThat(alerts.getValue().monitoringItem()).isEqualTo("Web VM CPU 使用率");
        assertThat(alerts.getValue().testRun()).isEqualTo("preop-42");
    }

    @Test
    void japaneseTextReachesTheAlertUnchanged() throws Exception {
        ObjectNode body = body("azure-monitor/alert-metric-fired.json");
        ObjectNode essentials = (ObjectNode) body.at("/data/essentials");
        essentials.put("alertRule", "本番Webサーバー_CPU高負荷");
        essentials.put("description", "本番WebサーバーのCPU使用率が5分間90%を超えています（営業時間外は電話連絡）");
        ((ObjectNode) body.at("/data/customProperties")).put("担当チーム", "インフラ運用第二課");

        send(body).andExpect(status().isAccepted());

        Alert alert = received();
        assertThat(alert.ruleName()).isEqualTo("本番Webサーバー_CPU高負荷");
        assertThat(alert.summary()).isEqualTo("[Azure Monitor] Sev2 本番Webサーバー_CPU高負荷 fired on vm-acme-web01");
        assertThat(alert.description()).contains("本番WebサーバーのCPU使用率が5分間90%を超えています（営業時間外は電話連絡）");
        assertThat(alert.description()).contains("担当チーム: インフラ運用第二課");
    }

    @Test
    void aMissingTokenIs401() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/azure-monitor/acme").contentType(MediaType.APPLICATION_JSON)
                        .content(bytes(body("azure-monitor/alert-metric-fired.json"))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The token query parameter is missing"));
    }

    @Test
    void aWrongTokenIs401() throws Exception {
        invalidRequest = true;
        send("azure-test-token-3f9b", MediaType.APPLICATION_JSON_VALUE, bytes(body("azure-monitor/alert-metric-fired.json")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The token query parameter is wrong"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        invalidRequest = true;
        send(TOKEN, MediaType.APPLICATION_JSON_VALUE, "{\"schemaId\": \"azureMonitorCommonAlertSchema\", \"data\": {".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        invalidRequest = true;
        ObjectNode body = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) body.at("/data/essentials")).remove("alertId");

        send(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("data.essentials.alertId: is missing"))
                .andExpect(jsonPath("$.errors[0].field").value("data.essentials.alertId"));
    }

    @Test
    void anotherSchemaOrAnUnknownSeverityIs400NamingTheField() throws Exception {
        invalidRequest = true;
        ObjectNode legacy = body("azure-monitor/alert-metric-fired.json");
        legacy.put("schemaId", "AzureMonitorMetricAlert");
        send(legacy).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("schemaId"));

        ObjectNode severity = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) severity.at("/data/essentials")).put("severity", "Critical");
        send(severity).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.essentials.severity"));
    }

    @Test
    void aBodyOver256KiBIs413() throws Exception {
        invalidRequest = true;
        send(TOKEN, MediaType.APPLICATION_JSON_VALUE, Fixtures.oversized())
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The body is larger than 262144 bytes"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        invalidRequest = true;
        send(TOKEN, MediaType.TEXT_PLAIN_VALUE, "alert".getBytes())
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Content-Type must be application/json, not 'text/plain'"));
    }

    @Test
    void customerAsCredentialNamingCustomerBsSubscriptionIs403AndStartsNothing() throws Exception {
        invalidRequest = true;
        String globexVm = "/subscriptions/" + GLOBEX_SUBSCRIPTION + "/resourcegroups/rg-globex-prod/providers/"
                + "microsoft.compute/virtualmachines/vm-globex-web01";
        ObjectNode body = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) body.at("/data/essentials")).putArray("alertTargetIDs").add(globexVm);

        send(body)
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Event outside the credential's customer"))
                .andExpect(jsonPath("$.errors[0].field").value("data.essentials.alertTargetIDs[0]"))
                .andExpect(jsonPath("$.detail").value("data.essentials.alertTargetIDs[0]: subscription " + GLOBEX_SUBSCRIPTION
                        + " is not one of customer 'acme''s subscriptions (azure.subscriptionIds): nothing was started"));
    }

    @Test
    void aSecondTargetOrTheAlertIdInAnotherSubscriptionIs403() throws Exception {
        invalidRequest = true;
        ObjectNode second = body("azure-monitor/alert-metric-fired.json");
        ((ArrayNode) second.at("/data/essentials/alertTargetIDs")).add("/subscriptions/" + GLOBEX_SUBSCRIPTION + "/resourcegroups/rg");
        send(second).andExpect(status().isForbidden()).andExpect(jsonPath("$.errors[0].field").value("data.essentials.alertTargetIDs[1]"));

        // Taking another customer's alert id would make its real alert a duplicate.
        ObjectNode alertId = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) alertId.at("/data/essentials")).put("alertId", METRIC_ALERT_ID.replace(SUBSCRIPTION, GLOBEX_SUBSCRIPTION));
        send(alertId).andExpect(status().isForbidden()).andExpect(jsonPath("$.errors[0].field").value("data.essentials.alertId"));
    }

    @Test
    void oneCustomersTokenIsWrongForAnotherCustomer() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/azure-monitor/globex").queryParam("token", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(bytes(body("azure-monitor/alert-metric-fired.json"))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The token query parameter is wrong"));
    }

    @Test
    void duringARotationTheOldTokenStillWorks() throws Exception {
        send(OLD_TOKEN, MediaType.APPLICATION_JSON_VALUE, bytes(body("azure-monitor/alert-metric-fired.json")))
                .andExpect(status().isAccepted());
        assertThat(received().customerId()).isEqualTo("acme");
    }

    @Test
    void anUnknownCustomerIs401LikeACustomerWithoutCredential() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/azure-monitor/initech").queryParam("token", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(bytes(body("azure-monitor/alert-metric-fired.json"))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Customer 'initech' has no Azure Monitor webhook credential "
                        + "(azure.monitorWebhook in the registry)"));
    }

    @Test
    void theRetiredMspWideUrlIs410NamingTheNewOne() throws Exception {
        invalidRequest = true;
        mvc.perform(post("/webhooks/azure-monitor").queryParam("token", TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(bytes(body("azure-monitor/alert-metric-fired.json"))))
                .andExpect(status().isGone())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("POST /webhooks/azure-monitor/{customerId}")));
    }

    @Test
    void aStaleIntakeResultIsAnswered200MarkedStale() throws Exception {
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STALE, "INC0010042"));
        send(body("azure-monitor/alert-metric-fired.json")).andExpect(status().isOk()).andExpect(jsonPath("$.stale").value(true));
    }

    private Alert received() {
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(intake).receive(alert.capture());
        return alert.getValue();
    }

    private ResultActions send(ObjectNode body) throws Exception {
        return send(TOKEN, "application/json; charset=utf-8", bytes(body));
    }

    private ResultActions send(String token, String contentType, byte[] body) throws Exception {
        return mvc.perform(post("/webhooks/azure-monitor/acme").queryParam("token", token).contentType(contentType).content(body));
    }
}
