package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Metric alert rule and action group PUTs against the Microsoft.Insights contract. */
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
}
