package io.opsflow.handover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.MonitorAlertRulesWireMockTest;
import io.opsflow.customer.Customer;
import io.opsflow.customerintake.IntakeProperties;

/**
 * The demo customer's monitoring items list (docs/samples/monitoring-items-demo.csv) applied to a
 * WireMock ARM speaking the Microsoft.Insights contracts: the exact bodies of the action group and
 * of each rule type, nothing written when Azure already holds the design, one readable UPDATE for a
 * changed threshold, throttling survived, the Insights provider's flat 400 surfacing with the rule's
 * name, and the webhook token in no change text.
 */
class MonitoringDesignTest extends MonitorAlertRulesWireMockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUB = "00000000-0000-4000-8000-000000000001";
    static final String OPS = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-ops/providers/Microsoft.Insights";
    static final String ACTION_GROUP = OPS + "/actionGroups/ag-demo-opsflow";
    static final String WORKSPACE = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-ops/providers/Microsoft.OperationalInsights/workspaces/log-demo-ops";
    static final String VM_WEB01 = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01";
    static final String TOKEN_ENV = "OPSFLOW_DEMO_AZURE_MONITOR_TOKEN";
    static final String TOKEN = "5f0c2b9e7a41d8c3";
    static final String WEB01_CPU = OPS + "/metricAlerts/demo-web01-cpu-fef47a2e";
    static final String HEARTBEAT = OPS + "/scheduledQueryRules/demo-vm-6eb9419f";
    static final String SERVICE_HEALTH = OPS + "/activityLogAlerts/demo-azure-3c5ccd6e";
    static final String SALES_DTU = OPS + "/metricAlerts/demo-db-dtu-c1caafb0";
    static final String MARKS = "\"opsflow-customer\":\"demo\",\"opsflow-item\":\"%s\"";

    Customer demo = customer("demo", SUB, new Customer.MonitorWebhook(TOKEN_ENV, null, List.of()));
    MonitoringDesign design;
    List<MonitoringItem> items;

    @BeforeEach
    void wire() {
        MockEnvironment environment = new MockEnvironment().withProperty(TOKEN_ENV, TOKEN + ",the-old-token");
        IntakeProperties intake = new IntakeProperties("https://opsflow.example", List.of("operators"), Duration.ofSeconds(30),
                Duration.ofHours(1), "opsflow new customer", null,
                new IntakeProperties.Lighthouse(null, "app-object-id", "api://opsflow", "offer", List.of()));
        design = new MonitoringDesign(alertRules(), resources(), intake, environment);
        items = parse(csv());
        wireMock().stubFor(get(urlPathMatching("/subscriptions/.*/providers/Microsoft.Insights/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}")));
        wireMock().stubFor(put(urlPathMatching("/subscriptions/.*/providers/Microsoft.Insights/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
        wireMock().stubFor(get(urlPathEqualTo(WORKSPACE)).withQueryParam("api-version", equalTo("2023-09-01"))
                .willReturn(okJson("{\"id\":\"" + WORKSPACE + "\",\"name\":\"log-demo-ops\",\"location\":\"japaneast\"}")));
    }

    @Test
    void theDemoListCreatesTheActionGroupAndOneRulePerAzureItemWithTheContractsBodies() throws IOException {
        List<MonitoringChange> planned = design.plan(demo, items);

        assertThat(planned).extracting(MonitoringChange::type, MonitoringChange::name, MonitoringChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("actionGroup", "ag-demo-opsflow", MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("metricAlert", "demo-web01-cpu-fef47a2e", MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("metricAlert", MonitoringRuleNames.of("demo", items.get(1)), MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("scheduledQueryRule", "demo-vm-ad497a28", MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("scheduledQueryRule", MonitoringRuleNames.of("demo", items.get(3)), MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("scheduledQueryRule", "demo-vm-6eb9419f", MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("metricAlert", MonitoringRuleNames.of("demo", items.get(5)), MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("metricAlert", "demo-db-dtu-c1caafb0", MonitoringChange.Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("activityLogAlert", "demo-azure-3c5ccd6e", MonitoringChange.Action.CREATE));
        assertThat(planned).allSatisfy(c -> assertThat(c.system()).isEqualTo("azure"));
        assertThat(planned).extracting(MonitoringChange::item).doesNotContain("ファイルサーバー D ドライブ使用率");
        wireMock().verify(0, putRequestedFor(anyUrl()));

        List<MonitoringChange> applied = design.apply(demo, items);

        assertThat(applied).isEqualTo(planned);
        wireMock().verify(9, putRequestedFor(urlPathMatching(OPS + "/.*")));
        wireMock().verify(putRequestedFor(urlPathEqualTo(ACTION_GROUP)).withQueryParam("api-version", equalTo("2023-01-01"))
                .withRequestBody(equalToJson("""
                        {"location":"Global","tags":{"customer":"demo","managedBy":"opsflow","opsflow-customer":"demo"},
                         "properties":{"groupShortName":"opsflow","enabled":true,"webhookReceivers":[
                          {"name":"opsflow","serviceUri":"https://opsflow.example/webhooks/azure-monitor/demo?token=%s",
                           "useCommonAlertSchema":true,"useAadAuth":false}]}}""".formatted(TOKEN))));
        assertThat(wireMock().findAll(putRequestedFor(anyUrl())).get(0).getUrl()).as("the action group first").startsWith(ACTION_GROUP);
        wireMock().verify(putRequestedFor(urlPathEqualTo(WEB01_CPU)).withQueryParam("api-version", equalTo("2026-01-01"))
                .withRequestBody(equalToJson("""
                        {"location":"global","tags":{%s},
                         "properties":{"description":"Web01 CPU使用率","severity":2,"enabled":true,"scopes":["%s"],
                          "evaluationFrequency":"PT1M","windowSize":"PT5M",
                          "criteria":{"odata.type":"Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria","allOf":[
                           {"criterionType":"StaticThresholdCriterion","name":"opsflow-item","metricName":"Percentage CPU",
                            "metricNamespace":"Microsoft.Compute/virtualMachines","operator":"GreaterThan","threshold":90,
                            "timeAggregation":"Average","dimensions":[]}]},
                          "autoMitigate":true,
                          "actions":[{"actionGroupId":"%s","webHookProperties":{%s}}]}}"""
                        .formatted(marks("Web01 CPU使用率"), VM_WEB01, ACTION_GROUP, marks("Web01 CPU使用率")))));
        wireMock().verify(putRequestedFor(urlPathEqualTo(SALES_DTU)).withRequestBody(equalToJson("""
                {"properties":{"evaluationFrequency":"PT5M","windowSize":"PT15M","criteria":{"allOf":[{"metricName":"dtu_consumption_percent",
                 "metricNamespace":"Microsoft.Sql/servers/databases","operator":"GreaterThanOrEqual","threshold":80,"timeAggregation":"Average"}]}}}
                """, true, true)));
        String query = ((MonitoringTarget.LogQuery) items.get(4).target()).query();
        wireMock().verify(putRequestedFor(urlPathEqualTo(HEARTBEAT)).withQueryParam("api-version", equalTo("2026-03-01"))
                .withRequestBody(equalToJson("""
                        {"location":"japaneast","kind":"LogAlert","tags":{%s},
                         "properties":{"displayName":"VM ハートビート途絶","description":"VM ハートビート途絶","severity":1,"enabled":true,
                          "scopes":["%s"],"evaluationFrequency":"PT5M","windowSize":"PT5M",
                          "criteria":{"allOf":[{"query":%s,"timeAggregation":"Count","operator":"GreaterThan","threshold":0,
                           "failingPeriods":{"numberOfEvaluationPeriods":1,"minFailingPeriodsToAlert":1}}]},
                          "autoMitigate":true,
                          "actions":{"actionGroups":["%s"],"customProperties":{%s}},
                          "skipQueryValidation":false}}"""
                        .formatted(marks("VM ハートビート途絶"), WORKSPACE, JSON.writeValueAsString(query), ACTION_GROUP,
                                marks("VM ハートビート途絶")))));
        wireMock().verify(putRequestedFor(urlPathEqualTo(SERVICE_HEALTH)).withQueryParam("api-version", equalTo("2026-01-01"))
                .withRequestBody(equalToJson("""
                        {"location":"Global","tags":{%s},
                         "properties":{"scopes":["/subscriptions/%s"],
                          "condition":{"allOf":[{"field":"category","equals":"ServiceHealth"},
                           {"anyOf":[{"field":"properties.incidentType","equals":"Incident"},
                                     {"field":"properties.incidentType","equals":"Maintenance"}]}]},
                          "actions":{"actionGroups":[{"actionGroupId":"%s","webhookProperties":{%s}}]},
                          "enabled":true,"description":"Azure サービス正常性"}}"""
                        .formatted(marks("Azure サービス正常性"), SUB, ACTION_GROUP, marks("Azure サービス正常性")))));
        wireMock().verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(WORKSPACE)));
    }

    @Test
    void applyingTheSameDesignAgainWritesNothing() {
        design.apply(demo, items);
        azureHoldsWhatWasPut();

        List<MonitoringChange> again = design.plan(demo, items);
        List<MonitoringChange> applied = design.apply(demo, items);

        assertThat(again).hasSize(9).allSatisfy(c -> assertThat(c.action()).isEqualTo(MonitoringChange.Action.UNCHANGED));
        assertThat(applied).isEmpty();
        wireMock().verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aChangedThresholdIsOneUpdateWithItsDifferenceAndTheTokenIsNeverShown() {
        design.apply(demo, items);
        azureHoldsWhatWasPut();
        List<MonitoringItem> raised = parse(csv().replace("Percentage CPU (平均) >,90%,警告,1分/5分", "Percentage CPU (平均) >,95%,警告,1分/5分")
                .replaceFirst("(?m)^DB01 CPU使用率.*\\R", ""));
        stubCurrent(ACTION_GROUP, currentGroupWithToken("the-old-token"));

        List<MonitoringChange> planned = design.plan(demo, raised);

        assertThat(planned).filteredOn(MonitoringChange::pending).containsExactly(
                new MonitoringChange("azure", "actionGroup", "ag-demo-opsflow", null, MonitoringChange.Action.UPDATE, List.of(
                        "webhookReceivers[0].serviceUri: https://opsflow.example/webhooks/azure-monitor/demo?token=***"
                                + " → https://opsflow.example/webhooks/azure-monitor/demo?token=***")),
                new MonitoringChange("azure", "metricAlert", "demo-web01-cpu-fef47a2e", "Web01 CPU使用率", MonitoringChange.Action.UPDATE,
                        List.of("threshold: 90 → 95")));
        assertThat(planned.toString()).doesNotContain(TOKEN).doesNotContain("the-old-token");
        assertThat(MonitoringDesign.text(planned.get(1), io.opsflow.messages.Messages.standalone(java.util.Locale.JAPANESE)))
                .isEqualTo("変更: メトリック アラート「demo-web01-cpu-fef47a2e」(監視項目「Web01 CPU使用率」)\n  threshold: 90 → 95");
        assertThat(MonitoringDesign.text(planned.get(1), io.opsflow.messages.Messages.standalone(java.util.Locale.ENGLISH)))
                .isEqualTo("update: metric alert 'demo-web01-cpu-fef47a2e' (monitoring item 'Web01 CPU使用率')\n  threshold: 90 → 95");

        List<MonitoringChange> applied = design.apply(demo, raised);

        assertThat(applied).hasSize(2);
        wireMock().verify(2, putRequestedFor(anyUrl()));
        wireMock().verify(putRequestedFor(urlPathEqualTo(WEB01_CPU))
                .withRequestBody(equalToJson("{\"properties\":{\"criteria\":{\"allOf\":[{\"threshold\":95}]}}}", true, true)));
    }

    @Test
    void theApprovedFingerprintGuardsTheApplyAgainstAzureChangingInBetween() {
        String approved = MonitoringDesign.fingerprint(design.plan(demo, items));
        assertThat(approved).matches("[0-9a-f]{64}").isEqualTo(MonitoringDesign.fingerprint(design.plan(demo, items)));
        // Someone creates the CPU rule by hand after the approval: applying would now replace it, which nobody approved.
        var byHand = stubCurrent(WEB01_CPU, JSON.createObjectNode().put("location", "global").set("properties",
                JSON.createObjectNode().put("severity", 3)));

        assertThatThrownBy(() -> design.apply(demo, items, approved)).isInstanceOfSatisfying(MonitoringDesign.PlanChanged.class,
                e -> assertThat(e.pending()).filteredOn(c -> c.action() == MonitoringChange.Action.UPDATE)
                        .extracting(MonitoringChange::name).containsExactly("demo-web01-cpu-fef47a2e"));
        wireMock().verify(0, putRequestedFor(anyUrl()));

        wireMock().removeStubMapping(byHand);
        assertThat(design.apply(demo, items, approved)).hasSize(9);
    }

    @Test
    void throttledMidApplyTheRuleIsPutAgainAfterRetryAfter() {
        wireMock().stubFor(put(urlPathEqualTo(HEARTBEAT)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Number of write requests exceeded.\"}}"))
                .willSetStateTo("answered"));
        wireMock().stubFor(put(urlPathEqualTo(HEARTBEAT)).inScenario("throttled").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));

        long started = System.nanoTime();
        List<MonitoringChange> applied = design.apply(demo, items);

        assertThat(applied).hasSize(9);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited as Retry-After said").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        wireMock().verify(2, putRequestedFor(urlPathEqualTo(HEARTBEAT)));
        wireMock().verify(10, putRequestedFor(anyUrl()));
    }

    @Test
    void theInsightsProvidersFlat400IsAPermanentFailureNamingTheRule() {
        wireMock().stubFor(put(urlPathEqualTo(SALES_DTU)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"BadRequest\",\"message\":\"Metric dtu_consumption_percent is not supported for this database.\"}")));

        assertThatThrownBy(() -> design.apply(demo, items)).isInstanceOfSatisfying(ArmException.class, e -> {
            assertThat(e.isPermanent()).isTrue();
            assertThat(e.code()).isEqualTo("BadRequest");
            assertThat(e.getMessage()).contains("metricAlert 'demo-db-dtu-c1caafb0'", "売上DB DTU使用率",
                    "Metric dtu_consumption_percent is not supported").doesNotContain(TOKEN);
        });
        wireMock().verify(0, putRequestedFor(urlPathEqualTo(SERVICE_HEALTH)));
    }

    @Test
    void secureWebhookCustomersGetAnEntraSecuredReceiverWithoutASecret() {
        Customer secure = customer("demo", SUB, new Customer.MonitorWebhook(null, null,
                List.of("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "api://opsflow-demo-alerts")));

        design.apply(secure, items.subList(0, 1));

        wireMock().verify(putRequestedFor(urlPathEqualTo(ACTION_GROUP)).withRequestBody(equalToJson("""
                {"properties":{"webhookReceivers":[{"name":"opsflow","serviceUri":"https://opsflow.example/webhooks/azure-monitor/demo",
                 "useCommonAlertSchema":true,"useAadAuth":true,"objectId":"app-object-id","identifierUri":"api://opsflow-demo-alerts",
                 "tenantId":"%s"}]}}""".formatted(tenantId()), true, true)));
    }

    @Test
    void anItemRecordedOnlyGetsARuleWithoutTheActionGroup() {
        List<MonitoringItem> quiet = parse(csv().replace("5分,インシデント,Get-OpsflowVmDiagnostics,https://wiki.demo.example.jp/ops/vm-heartbeat",
                "5分,記録のみ,Get-OpsflowVmDiagnostics,https://wiki.demo.example.jp/ops/vm-heartbeat"));

        design.apply(demo, quiet);

        wireMock().verify(putRequestedFor(urlPathEqualTo(HEARTBEAT)).withRequestBody(equalToJson("""
                {"properties":{"actions":{"actionGroups":[],"customProperties":{%s}}}}""".formatted(marks("VM ハートビート途絶")), true, true)));
    }

    /** Every resource PUT so far answered by GET as Azure would: with its id and read-only fields added. */
    private void azureHoldsWhatWasPut() {
        for (LoggedRequest request : wireMock().findAll(putRequestedFor(anyUrl()))) {
            String path = request.getUrl().substring(0, request.getUrl().indexOf('?'));
            ObjectNode body;
            try {
                body = (ObjectNode) JSON.readTree(request.getBodyAsString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            body.put("id", path.replace("/providers/Microsoft.Insights/", "/providers/microsoft.insights/"));
            body.put("name", path.substring(path.lastIndexOf('/') + 1));
            ObjectNode properties = (ObjectNode) body.path("properties");
            properties.put("lastUpdatedTime", "2026-12-02T09:00:00Z").put("isMigrated", false);
            properties.putArray("emailReceivers");
            stubCurrent(path, body);
        }
        wireMock().resetRequests();
    }

    private static com.github.tomakehurst.wiremock.stubbing.StubMapping stubCurrent(String path, JsonNode body) {
        return wireMock().stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(okJson(body.toString())));
    }

    private static JsonNode currentGroupWithToken(String token) {
        try {
            return JSON.readTree("""
                    {"id":"%s","name":"ag-demo-opsflow","location":"Global",
                     "tags":{"customer":"demo","managedBy":"opsflow","opsflow-customer":"demo"},
                     "properties":{"groupShortName":"opsflow","enabled":true,"emailReceivers":[],"webhookReceivers":[
                      {"name":"opsflow","serviceUri":"https://opsflow.example/webhooks/azure-monitor/demo?token=%s",
                       "useCommonAlertSchema":true,"useAadAuth":false}]}}""".formatted(ACTION_GROUP.toLowerCase(), token));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String marks(String item) {
        return MARKS.formatted(item);
    }

    private static String csv() {
        try {
            return Files.readString(Path.of("docs/samples/monitoring-items-demo.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MonitoringItem> parse(String csv) {
        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "items.csv");
        assertThat(list.problems()).isEmpty();
        return list.items();
    }
}
