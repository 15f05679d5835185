package io.opsflow.handover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.retry.PermanentFault;
import io.opsflow.servicenow.ServiceNowProperties;
import io.opsflow.servicenow.TableApiServiceNowClient;

/**
 * The pre-operation test against WireMock standing in for opsflow's own webhooks and for ServiceNow:
 * the exact request each kind of item sends, what opsflow's answers make of it, and the incident
 * found by the alert id the incident process uses as correlation id.
 */
class PreOperationTestTest {

    @RegisterExtension
    static WireMockExtension opsflow = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension servicenow = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SUB = "00000000-0000-4000-8000-000000000001";
    static final String VM = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01";
    static final String TOKEN = "t0ken+with/odd=chars";
    static final String ZABBIX_TOKEN = "zbx-token-91";
    static final String RUN = "preop-demo-1";
    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    static final String COMPANY = "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f";

    static final Customer DEMO = new Customer("demo", "デモ株式会社", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB), null, null,
                    new Customer.MonitorWebhook("DEMO_MONITOR_TOKEN", null, List.of())),
            new Customer.ServiceNow(COMPANY, "MSP Operations"), new Customer.Zabbix(List.of("demo-servers"), "DEMO_ZABBIX_TOKEN"),
            null, Map.of(), null, null);
    /** Its action groups call with Entra ID tokens only: opsflow has no token to send. */
    static final Customer SECURE_ONLY = new Customer("globex", "Globex Ltd", "en",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB), null, null,
                    new Customer.MonitorWebhook(null, null, List.of("api://opsflow"))),
            null, null, null, Map.of(), null, null);

    static final MonitoringItem METRIC = item("Web01 CPU使用率", MonitoringKind.METRIC,
            new MonitoringTarget.AzureScope(VM, SUB, "Microsoft.Compute/virtualMachines"), "Percentage CPU");
    static final MonitoringItem LOG = item("VM 空きメモリ", MonitoringKind.LOG,
            new MonitoringTarget.LogQuery("Perf | where CounterName == \"Available MBytes\" | where CounterValue < 512"), "");
    static final MonitoringItem ACTIVITY = item("VM 停止操作", MonitoringKind.ACTIVITY_LOG,
            new MonitoringTarget.AzureScope(VM, SUB, "Microsoft.Compute/virtualMachines"), "Microsoft.Compute/virtualMachines/deallocate/action");
    static final MonitoringItem HEALTH = item("Azure 障害情報", MonitoringKind.SERVICE_HEALTH,
            new MonitoringTarget.AzureScope("/subscriptions/" + SUB, SUB, "Microsoft.Resources/subscriptions"), "Incident");
    static final MonitoringItem ZABBIX = item("DB01 ping", MonitoringKind.ZABBIX,
            new MonitoringTarget.ZabbixItem("vm-demo-db01", "icmpping"), "");

    final Map<String, String> environment = new HashMap<>(Map.of("DEMO_MONITOR_TOKEN", TOKEN + ",old-token",
            "DEMO_ZABBIX_TOKEN", ZABBIX_TOKEN));
    final PreOperationTest test = new PreOperationTest(
            new OutboundClient(WebClient.builder(), new HandoverProperties(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    new HandoverProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)))),
            opsflow.baseUrl(), ZoneId.of("Asia/Tokyo"), serviceNow(), MessagesFixture.messages(mock(CustomerRegistry.class)),
            environment::get, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMetricItemIsSentAsAFiredMetricAlertOfItsResourceWithTheCustomersToken() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(202)));

        PreOperationTest.FiredTest fired = test.fire(DEMO, METRIC, RUN);

        String alertId = "/subscriptions/" + SUB + "/providers/Microsoft.AlertsManagement/alerts/" + PreOperationPayloads.eventId(RUN, METRIC);
        assertThat(fired).isEqualTo(new PreOperationTest.FiredTest("Web01 CPU使用率", alertId, NOW, null));
        opsflow.verify(1, postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo"))
                .withQueryParam("token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
                .withRequestBody(equalToJson("""
                        {"schemaId": "azureMonitorCommonAlertSchema",
                         "data": {
                          "essentials": {
                           "alertId": "%s",
                           "alertRule": "Web01 CPU使用率",
                           "severity": "Sev2",
                           "signalType": "Metric",
                           "monitorCondition": "Fired",
                           "monitoringService": "Platform",
                           "alertTargetIDs": ["%s"],
                           "configurationItems": ["vm-demo-web01"],
                           "originAlertId": "opsflow-pre-operation-test_preop-demo-1",
                           "firedDateTime": "2026-12-02T03:00:00Z",
                           "description": "opsflow pre-operation test preop-demo-1: Web01 CPU使用率",
                           "essentialsVersion": "1.0",
                           "alertContextVersion": "1.0"},
                          "alertContext": {
                           "properties": null,
                           "conditionType": "SingleResourceMultipleMetricCriteria",
                           "condition": {
                            "windowSize": "PT5M",
                            "allOf": [{"metricName": "Percentage CPU", "metricNamespace": "Microsoft.Compute/virtualMachines",
                                       "operator": "GreaterThan", "threshold": "90", "timeAggregation": "Average", "dimensions": []}],
                            "windowStartTime": "2026-12-02T02:55:00Z",
                            "windowEndTime": "2026-12-02T03:00:00Z"}},
                          "customProperties": {"opsflow-item": "Web01 CPU使用率", "opsflow-test": "preop-demo-1"}}}
                        """.formatted(alertId, VM.toLowerCase()))));
    }

    @Test
    void logActivityLogAndServiceHealthItemsAreSentInTheirOwnShapes() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(202)));

        test.fire(DEMO, LOG, RUN);
        opsflow.verify(postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo"))
                .withRequestBody(matchingJsonPath("$.data.essentials.alertRule", equalTo("VM 空きメモリ")))
                .withRequestBody(matchingJsonPath("$.data.essentials.signalType", equalTo("Log")))
                .withRequestBody(matchingJsonPath("$.data.essentials.monitoringService", equalTo("Log Alerts V2")))
                .withRequestBody(matchingJsonPath("$.data.essentials.alertTargetIDs[0]", equalTo("/subscriptions/" + SUB)))
                .withRequestBody(matchingJsonPath("$.data.alertContext.conditionType", equalTo("LogQueryCriteria")))
                .withRequestBody(matchingJsonPath("$.data.alertContext.condition.allOf[0].searchQuery",
                        equalTo("Perf | where CounterName == \"Available MBytes\" | where CounterValue < 512")))
                .withRequestBody(matchingJsonPath("$.data.customProperties.opsflow-test", equalTo(RUN))));

        test.fire(DEMO, ACTIVITY, RUN);
        opsflow.verify(postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo"))
                .withRequestBody(matchingJsonPath("$.data.essentials.monitoringService", equalTo("Activity Log - Administrative")))
                .withRequestBody(matchingJsonPath("$.data.essentials.signalType", equalTo("Activity Log")))
                .withRequestBody(matchingJsonPath("$.data.alertContext.operationName", equalTo("Microsoft.Compute/virtualMachines/deallocate/action")))
                .withRequestBody(matchingJsonPath("$.data.alertContext.authorization.scope", equalTo(VM)))
                .withRequestBody(matchingJsonPath("$.data.customProperties.opsflow-item", equalTo("VM 停止操作"))));

        test.fire(DEMO, HEALTH, RUN);
        opsflow.verify(postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo"))
                .withRequestBody(matchingJsonPath("$.data.essentials.monitoringService", equalTo("ServiceHealth")))
                .withRequestBody(matchingJsonPath("$.data.essentials.alertTargetIDs[0]", equalTo("/subscriptions/" + SUB)))
                .withRequestBody(matchingJsonPath("$.data.alertContext.eventSource", equalTo("ServiceHealth")))
                .withRequestBody(matchingJsonPath("$.data.alertContext.properties.incidentType", equalTo("Incident")))
                .withRequestBody(matchingJsonPath("$.data.alertContext.properties.trackingId", equalTo("PREOP-" + RUN)))
                .withRequestBody(matchingJsonPath("$.data.customProperties.opsflow-item", equalTo("Azure 障害情報"))));
        opsflow.verify(3, postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo")).withQueryParam("token", equalTo(TOKEN)));
    }

    @Test
    void aZabbixItemIsSentAsAMediaTypeProblemWithItsTagsAndTheBearerToken() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/zabbix/demo")).willReturn(aResponse().withStatus(202)));

        PreOperationTest.FiredTest fired = test.fire(DEMO, ZABBIX, RUN);

        String eventId = PreOperationPayloads.eventId(RUN, ZABBIX);
        assertThat(fired.alertId()).isEqualTo("zabbix:demo:" + eventId);
        opsflow.verify(1, postRequestedFor(urlPathEqualTo("/webhooks/zabbix/demo"))
                .withHeader("Authorization", equalTo("Bearer " + ZABBIX_TOKEN))
                .withRequestBody(equalToJson("""
                        {"event_id": "%s", "event_name": "DB01 ping", "event_value": "1", "event_status": "PROBLEM",
                         "event_severity": "Average", "event_nseverity": "3", "event_date": "2026.12.02", "event_time": "12:00:00",
                         "event_tags": "[{\\"tag\\":\\"customer\\",\\"value\\":\\"demo\\"},{\\"tag\\":\\"opsflow-item\\",\\"value\\":\\"DB01 ping\\"},{\\"tag\\":\\"opsflow-test\\",\\"value\\":\\"preop-demo-1\\"}]",
                         "event_update_status": "0", "trigger_name": "DB01 ping", "trigger_severity": "Average", "trigger_status": "PROBLEM",
                         "host_name": "vm-demo-db01", "host_host": "vm-demo-db01", "item_name": "icmpping",
                         "alert_subject": "Problem: DB01 ping", "alert_message": "opsflow pre-operation test preop-demo-1: DB01 ping"}
                        """.formatted(eventId))));
    }

    @Test
    void oneRunAndItemIsOneAlertIdAndAnotherRunIsAnother() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(200)));

        String first = test.fire(DEMO, METRIC, RUN).alertId();
        assertThat(test.fire(DEMO, METRIC, RUN).alertId()).isEqualTo(first);
        assertThat(test.fire(DEMO, METRIC, "preop-demo-2").alertId()).isNotEqualTo(first);
        assertThat(test.fire(DEMO, ACTIVITY, RUN).alertId()).isNotEqualTo(first);
    }

    @Test
    void a400IsAPermanentFaultNamingTheItemAndOpsflowsDetailButNotTheToken() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Invalid webhook payload\",\"detail\":\"data.essentials.alertTargetIDs[0]: is not an ARM id\"}")));

        PreOperationRejectedException e = catchThrowableOfType(PreOperationRejectedException.class, () -> test.fire(DEMO, METRIC, RUN));

        assertThat(PermanentFault.isPermanent(e)).isTrue();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Web01 CPU使用率", "demo", "HTTP 400", "data.essentials.alertTargetIDs[0]: is not an ARM id")
                .doesNotContain(TOKEN).doesNotContain("token=");
        opsflow.verify(1, postRequestedFor(urlPathEqualTo("/webhooks/azure-monitor/demo")));
    }

    @Test
    void a503IsRetriedAndThenARetryableFault() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/zabbix/demo")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"detail\":\"DEMO_ZABBIX_TOKEN is not set\"}")));

        PreOperationUnavailableException e = catchThrowableOfType(PreOperationUnavailableException.class, () -> test.fire(DEMO, ZABBIX, RUN));

        assertThat(PermanentFault.isPermanent(e)).isFalse();
        assertThat(e.getMessage()).contains("DB01 ping", "HTTP 503").doesNotContain(ZABBIX_TOKEN);
        opsflow.verify(3, postRequestedFor(urlPathEqualTo("/webhooks/zabbix/demo")));
    }

    @Test
    void anUnsetTokenVariableIsPermanentAndSendsNothing() {
        environment.remove("DEMO_MONITOR_TOKEN");

        PreOperationRejectedException e = catchThrowableOfType(PreOperationRejectedException.class, () -> test.fire(DEMO, METRIC, RUN));

        assertThat(PermanentFault.isPermanent(e)).isTrue();
        assertThat(e.getMessage()).contains("DEMO_MONITOR_TOKEN");
        opsflow.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSecureWebhookOnlyCustomerCannotBeFiredAndTheTestSaysWhyInItsLanguage() {
        PreOperationTest.FiredTest fired = test.fire(SECURE_ONLY, METRIC, RUN);

        assertThat(fired.alertId()).isNull();
        assertThat(fired.firedAt()).isNull();
        assertThat(fired.notFired()).startsWith("The test cannot be sent: customer globex's Azure Monitor webhook accepts Secure Webhook");
        assertThat(test.incident(SECURE_ONLY, fired)).isEmpty();
        opsflow.verify(0, anyRequestedFor(anyUrl()));
        servicenow.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theIncidentIsFoundInServiceNowByTheAlertIdAndTheTableSaysHowLongItTook() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(202)));
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/zabbix/demo")).willReturn(aResponse().withStatus(202)));
        PreOperationTest.FiredTest metric = test.fire(DEMO, METRIC, RUN);
        PreOperationTest.FiredTest zabbix = test.fire(DEMO, ZABBIX, RUN);
        PreOperationTest.FiredTest notFired = test.fire(SECURE_ONLY, METRIC, RUN);
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
                .withQueryParam("sysparm_query", equalTo("correlation_id=" + metric.alertId() + "^ORDERBYsys_created_on"))
                .willReturn(okJson("""
                        {"result": [{"sys_id": "5f2e8c1a47d0b210a3c9e6f15d8b7a42", "number": "INC0010042", "state": "1",
                          "company": "%s", "correlation_id": "%s", "opened_at": "2026-12-02 03:00:41",
                          "short_description": "【試験】[Azure Monitor] Sev4 Web01 CPU使用率 fired on vm-demo-web01"}]}
                        """.formatted(COMPANY, metric.alertId()))));
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
                .withQueryParam("sysparm_query", equalTo("correlation_id=" + zabbix.alertId() + "^ORDERBYsys_created_on"))
                .willReturn(okJson("{\"result\": []}")));

        Optional<PreOperationTest.TestIncident> found = test.incident(DEMO, metric);
        assertThat(found).contains(new PreOperationTest.TestIncident("INC0010042", "5f2e8c1a47d0b210a3c9e6f15d8b7a42",
                Instant.parse("2026-12-02T03:00:41Z")));
        assertThat(test.incident(DEMO, zabbix)).isEmpty();

        List<Map<String, Object>> table = PreOperationTest.resultsTable(List.of(metric, zabbix, notFired),
                Map.of(metric.alertId(), found.get()), Messages.standalone(Messages.DEFAULT));
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).containsEntry("item", "Web01 CPU使用率").containsEntry("incident", "INC0010042")
                .containsEntry("seconds", 41L).containsEntry("result", "INC0010042");
        assertThat(table.get(1)).containsEntry("item", "DB01 ping").containsEntry("incident", null)
                .containsEntry("seconds", null).containsEntry("result", "未着");
        assertThat(table.get(2)).containsEntry("alertId", null).containsEntry("result", notFired.notFired());
    }

    @Test
    void anIncidentWithoutOpenedAtCountsFromWhenItWasFound() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(202)));
        PreOperationTest.FiredTest metric = test.fire(DEMO, METRIC, RUN);
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson("""
                {"result": [{"sys_id": "1", "number": "INC0010043", "company": "%s"}]}
                """.formatted(COMPANY))));

        assertThat(test.incident(DEMO, metric)).contains(new PreOperationTest.TestIncident("INC0010043", "1", NOW));
    }

    @Test
    void anIncidentOfAnotherCompanyIsNotTheTests() {
        opsflow.stubFor(post(urlPathEqualTo("/webhooks/azure-monitor/demo")).willReturn(aResponse().withStatus(202)));
        PreOperationTest.FiredTest metric = test.fire(DEMO, METRIC, RUN);
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson("""
                {"result": [{"sys_id": "1", "number": "INC0099999", "company": "someone-else", "opened_at": "2026-12-02 03:00:41"}]}
                """)));

        assertThat(test.incident(DEMO, metric)).isEmpty();
    }

    private static TableApiServiceNowClient serviceNow() {
        ServiceNowProperties properties = new ServiceNowProperties(null, "svc_opsflow", "s3cret", null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), new ServiceNowProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)));
        return new TableApiServiceNowClient(new OutboundClient(WebClient.builder(), properties), properties, servicenow::baseUrl);
    }

    private static MonitoringItem item(String name, MonitoringKind kind, MonitoringTarget target, String signal) {
        boolean measured = kind == MonitoringKind.METRIC || kind == MonitoringKind.LOG;
        return new MonitoringItem(2, name, kind, target, signal, kind == MonitoringKind.METRIC ? MetricAggregation.AVERAGE : null,
                measured ? ComparisonOperator.GREATER_THAN : null,
                measured ? new Threshold(new BigDecimal(kind == MonitoringKind.METRIC ? "90" : "0"), Threshold.Unit.NONE) : null,
                Severity.SEV2, null, null, null, URI.create("https://wiki.demo.example.jp/ops/" + kind.name().toLowerCase()),
                new MonitoringItem.Cell(2, "対象"), null);
    }
}
