package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** PUT and GET of the four Microsoft.Insights resource types against their contracts, and the providers' error shapes. */
class MonitorAlertRulesTest extends ArmWireMockTest {

    static final String OPS = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-acme-ops/providers/Microsoft.Insights";
    static final String VM = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01";

    @Test
    void putsTheMetricAlertRuleAsTheContractShows() {
        JsonNode exchange = contract("metric-alert-acme-vm-cpu.exchange.json");
        wm.stubFor(put(urlPathEqualTo(OPS + "/metricAlerts/acme-vm-cpu-high"))
                .willReturn(answer(201, exchange.path("response").path("body"))));

        ArmResource rule = new MonitorAlertRules(arm).putMetricAlert(acme(), SUBSCRIPTION, "rg-acme-ops", "acme-vm-cpu-high",
                new MonitorAlertRules.MetricAlertRule("CPU above 90% for 5 minutes on a production web VM", 2, true,
                        List.of(VM), Duration.ofMinutes(1), Duration.ofMinutes(5),
                        List.of(new MonitorAlertRules.StaticCriterion("cpu-over-90", "Percentage CPU",
                                "Microsoft.Compute/virtualMachines", "GreaterThan", new BigDecimal("90"), "Average")),
                        true,
                        List.of(new MonitorAlertRules.Action(OPS + "/actionGroups/ag-opsflow-acme",
                                Map.of("customerId", "acme", "serviceNowCmdbCi", "vm-acme-web01"))),
                        Map.of("managedBy", "contoso-msp"), null, null));

        wm.verify(putRequestedFor(urlPathEqualTo(OPS + "/metricAlerts/acme-vm-cpu-high"))
                .withQueryParam("api-version", equalTo("2026-01-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson(json(exchange.path("request").path("body")))));
        assertThat(rule.created()).isTrue();
        assertThat(rule.name()).isEqualTo("acme-vm-cpu-high");
        assertThat(rule.type()).isEqualTo("Microsoft.Insights/metricAlerts");
    }

    @Test
    void putsOpsflowsActionGroupAsTheContractShows() {
        JsonNode exchange = contract("action-group-opsflow-webhook.exchange.json");
        JsonNode receiver = exchange.path("request").path("body").path("properties").path("webhookReceivers").get(0);
        wm.stubFor(put(urlPathEqualTo(OPS + "/actionGroups/ag-opsflow-acme"))
                .willReturn(answer(200, exchange.path("response").path("body"))));

        ArmResource group = new MonitorAlertRules(arm).putActionGroup(acme(), SUBSCRIPTION, "rg-acme-ops", "ag-opsflow-acme",
                new MonitorAlertRules.ActionGroup("opsflow", true,
                        List.of(new MonitorAlertRules.WebhookReceiver("opsflow-webhook", receiver.path("serviceUri").asText(), true)),
                        Map.of("managedBy", "contoso-msp", "customer", "acme")));

        wm.verify(putRequestedFor(urlPathEqualTo(OPS + "/actionGroups/ag-opsflow-acme"))
                .withQueryParam("api-version", equalTo("2023-01-01"))
                .withRequestBody(equalToJson(json(exchange.path("request").path("body")))));
        assertThat(group.created()).as("200: the group existed and was replaced").isFalse();
        assertThat(group.id()).endsWith("/actionGroups/ag-opsflow-acme");
    }

    @Test
    void putsTheLogSearchAlertAsTheContractShows() {
        JsonNode exchange = contract("scheduled-query-rule-logalert.exchange.json");
        JsonNode sent = exchange.path("request").path("body");
        JsonNode criterion = sent.path("properties").path("criteria").path("allOf").get(0);
        wm.stubFor(put(urlPathEqualTo(OPS + "/scheduledQueryRules/acme-vm-heartbeat-missing"))
                .willReturn(answer(201, exchange.path("response").path("body"))));

        ArmResource rule = new MonitorAlertRules(arm).putScheduledQueryRule(acme(), SUBSCRIPTION, "rg-acme-ops",
                "acme-vm-heartbeat-missing", new MonitorAlertRules.LogAlertRule("acme-vm-heartbeat-missing",
                        "No heartbeat from a VM for 10 minutes", 1, true, "japaneast",
                        List.of(sent.path("properties").path("scopes").get(0).asText()), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        criterion.path("query").asText(), "GreaterThan", BigDecimal.ZERO, true,
                        List.of(OPS + "/actionGroups/ag-opsflow-acme"), Map.of("customerId", "acme"), Map.of("managedBy", "contoso-msp")));

        // The contract's rule is resource-centric (resourceIdColumn, a Computer dimension); opsflow's rules count rows.
        ((com.fasterxml.jackson.databind.node.ObjectNode) criterion).remove(List.of("resourceIdColumn", "dimensions"));
        wm.verify(putRequestedFor(urlPathEqualTo(OPS + "/scheduledQueryRules/acme-vm-heartbeat-missing"))
                .withQueryParam("api-version", equalTo("2026-03-01"))
                .withRequestBody(equalToJson(json(sent))));
        assertThat(rule.created()).isTrue();
    }

    @Test
    void putsTheServiceHealthAlertAsTheContractShows() {
        JsonNode exchange = contract("activity-log-alert-service-health-acme.exchange.json");
        wm.stubFor(put(urlPathEqualTo(OPS + "/activityLogAlerts/acme-service-health"))
                .willReturn(answer(201, exchange.path("response").path("body"))));

        new MonitorAlertRules(arm).putActivityLogAlert(acme(), SUBSCRIPTION, "rg-acme-ops", "acme-service-health",
                new MonitorAlertRules.ActivityLogAlert("Service Health incidents, maintenance and security advisories for Japan East/West",
                        true, List.of("/subscriptions/" + SUBSCRIPTION),
                        List.of(MonitorAlertRules.Condition.equalTo("category", "ServiceHealth"),
                                MonitorAlertRules.Condition.anyOf(List.of(
                                        MonitorAlertRules.Condition.equalTo("properties.incidentType", "Incident"),
                                        MonitorAlertRules.Condition.equalTo("properties.incidentType", "Maintenance"),
                                        MonitorAlertRules.Condition.equalTo("properties.incidentType", "Security"))),
                                new MonitorAlertRules.Condition("properties.impactedServices[*].ImpactedRegions[*].RegionName", null,
                                        List.of("Japan East", "Japan West"), null)),
                        List.of(new MonitorAlertRules.Action(OPS + "/actionGroups/ag-opsflow-acme", Map.of("customerId", "acme"))),
                        Map.of("managedBy", "contoso-msp")));

        wm.verify(putRequestedFor(urlPathEqualTo(OPS + "/activityLogAlerts/acme-service-health"))
                .withQueryParam("api-version", equalTo("2026-01-01"))
                .withRequestBody(equalToJson(json(exchange.path("request").path("body")))));
    }

    @Test
    void aSecureWebhookReceiverNamesTheAppAzureMonitorGetsATokenFor() {
        wm.stubFor(put(urlPathEqualTo(OPS + "/actionGroups/ag-acme-opsflow")).willReturn(answer(201,
                contract("action-group-opsflow-webhook.exchange.json").path("response").path("body"))));

        new MonitorAlertRules(arm).putActionGroup(acme(), SUBSCRIPTION, "rg-acme-ops", "ag-acme-opsflow",
                new MonitorAlertRules.ActionGroup("opsflow", true, List.of(new MonitorAlertRules.WebhookReceiver("opsflow",
                        "https://opsflow.example/webhooks/azure-monitor/acme", true, true, "app-object-id", "api://opsflow-acme",
                        TENANT_ID)), Map.of()));

        wm.verify(putRequestedFor(urlPathEqualTo(OPS + "/actionGroups/ag-acme-opsflow")).withRequestBody(equalToJson("""
                {"location":"Global","properties":{"groupShortName":"opsflow","enabled":true,"webhookReceivers":[
                 {"name":"opsflow","serviceUri":"https://opsflow.example/webhooks/azure-monitor/acme","useCommonAlertSchema":true,
                  "useAadAuth":true,"objectId":"app-object-id","identifierUri":"api://opsflow-acme","tenantId":"%s"}]}}
                """.formatted(TENANT_ID))));
    }

    @Test
    void getsEachTypeAndA404IsEmpty() {
        JsonNode existing = contract("metric-alert-acme-vm-cpu.exchange.json").path("response").path("body");
        wm.stubFor(get(urlPathEqualTo(OPS + "/metricAlerts/acme-vm-cpu-high")).willReturn(answer(200, existing)));
        wm.stubFor(get(urlPathEqualTo(OPS + "/activityLogAlerts/acme-gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}")));
        MonitorAlertRules rules = new MonitorAlertRules(arm);

        Optional<JsonNode> found = rules.get(acme(), MonitorAlertRules.Kind.METRIC_ALERT, SUBSCRIPTION, "rg-acme-ops", "acme-vm-cpu-high");
        Optional<JsonNode> gone = rules.get(acme(), MonitorAlertRules.Kind.ACTIVITY_LOG_ALERT, SUBSCRIPTION, "rg-acme-ops", "acme-gone");

        assertThat(found).hasValueSatisfying(rule -> assertThat(rule.path("properties").path("isMigrated").isBoolean()).isTrue());
        assertThat(gone).isEmpty();
        wm.verify(getRequestedFor(urlPathEqualTo(OPS + "/metricAlerts/acme-vm-cpu-high")).withQueryParam("api-version", equalTo("2026-01-01")));
        wm.verify(getRequestedFor(urlPathEqualTo(OPS + "/activityLogAlerts/acme-gone")).withQueryParam("api-version", equalTo("2026-01-01")));
    }

    @Test
    void theThreeErrorShapesAllNameTheirCode() {
        String[] bodies = {
                "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'rg-acme-ops' could not be found.\"}}",
                "{\"code\":\"BadRequest\",\"message\":\"Threshold must be a number.\"}",
                "{\"Code\":\"BadRequest\",\"Message\":\"Invalid scopes.\"}"};
        String[] codes = {"ResourceGroupNotFound", "BadRequest", "BadRequest"};
        MonitorAlertRules rules = new MonitorAlertRules(arm);
        for (int i = 0; i < bodies.length; i++) {
            String name = "rule-" + i;
            wm.stubFor(put(urlPathEqualTo(OPS + "/scheduledQueryRules/" + name)).willReturn(aResponse().withStatus(i == 0 ? 404 : 400)
                    .withHeader("Content-Type", "application/json").withBody(bodies[i])));
            int index = i;
            assertThatThrownBy(() -> rules.put(acme(), MonitorAlertRules.scheduledQueryRule(SUBSCRIPTION, "rg-acme-ops", name,
                    new MonitorAlertRules.LogAlertRule(name, name, 2, true, "japaneast", List.of(VM), Duration.ofMinutes(5),
                            Duration.ofMinutes(5), "Heartbeat", "GreaterThan", BigDecimal.ONE, true, List.of(), Map.of(), Map.of()))))
                    .isInstanceOfSatisfying(ArmException.class, e -> {
                        assertThat(e.code()).isEqualTo(codes[index]);
                        assertThat(e.isPermanent()).isTrue();
                    });
        }
    }
}
