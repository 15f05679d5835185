package io.opsflow.handover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.MonitorReadingWireMockTest;

/**
 * A parsed list checked against a WireMock ARM speaking the Microsoft.Resources contract
 * ({@code resource-get-by-id.exchanges.json}: the VM found, the VM not found) and the metric
 * definitions shape: unknown resources, unknown metrics, other subscriptions, and what is asked.
 */
class MonitoringItemsCheckTest extends MonitorReadingWireMockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RG = "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/rg-acme-prod";
    static final String PROD = RG + "/providers/";
    static final String VM_WEB01 = PROD + "Microsoft.Compute/virtualMachines/vm-acme-web01";
    static final String VM_WEB02 = PROD + "Microsoft.Compute/virtualMachines/vm-acme-web02";
    static final String VM_GONE = PROD + "Microsoft.Compute/virtualMachines/vm-acme-web99";
    static final String SQL_DTU = PROD + "Microsoft.Sql/servers/sql-acme/databases/sales";
    static final String SQL_VCORE = PROD + "Microsoft.Sql/servers/sql-acme/databases/sales-vcore";
    static final String REDIS = PROD + "Microsoft.Cache/redis/redis-acme";
    static final String DEFINITIONS = "/providers/Microsoft.Insights/metricDefinitions";
    static final String HEADER = "監視項目,対象,種別,条件,閾値,重要度\r\n";

    MonitoringItemsCheck check;

    @BeforeEach
    void wire() {
        check = new MonitoringItemsCheck(resources(), metrics());
    }

    @Test
    void aCleanListAsksEachResourceOnceAndEachTypesMetricsOnce() {
        JsonNode found = contract("resource-get-by-id.exchanges.json").path("exchanges").get(0);
        wireMock().stubFor(get(urlPathEqualTo(VM_WEB01)).withQueryParam("api-version", equalTo("2024-11-01"))
                .willReturn(answer(found.path("response"))));
        exists(VM_WEB02, "2024-11-01");
        stubMetricDefinitions(VM_WEB01, "Percentage CPU", "Available Memory Bytes");

        List<Problem> problems = check.check(customer(), parse(HEADER
                + "web01 CPU," + VM_WEB01 + ",metric,Percentage CPU >,90%,2\r\n"
                + "web01 memory," + VM_WEB01 + ",metric,Available Memory Bytes <,1 GB,2\r\n"
                + "web02 CPU," + VM_WEB02 + ",metric,Percentage CPU >,90%,2\r\n"
                + "heartbeat,Heartbeat | where TimeGenerated < ago(5m),log,>,0,1\r\n"
                + "service health,/subscriptions/" + SUBSCRIPTION_ID + ",service health,,,3\r\n"
                + "zabbix,web01:system.cpu.load,zabbix,>,5,2\r\n"));

        assertThat(problems).isEmpty();
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(VM_WEB01))
                .withQueryParam("api-version", equalTo("2024-11-01"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(VM_WEB02)));
        wireMock().verify(1, getRequestedFor(urlPathMatching(".*/metricDefinitions"))
                .withQueryParam("api-version", equalTo("2023-10-01")));
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(VM_WEB01 + DEFINITIONS)));
    }

    @Test
    void anUnknownResourceAndAnUnknownMetricAreProblemsOnTheirCells() {
        JsonNode missing = contract("resource-get-by-id.exchanges.json").path("exchanges").get(1);
        String goneId = missing.path("request").path("path").asText();
        wireMock().stubFor(get(urlPathEqualTo(goneId)).willReturn(answer(missing.path("response"))));
        exists(VM_WEB01, "2024-11-01");
        stubMetricDefinitions(VM_WEB01, "Percentage CPU");

        List<Problem> problems = check.check(customer(), parse(HEADER
                + "gone CPU," + goneId + ",metric,Percentage CPU >,90%,2\r\n"
                + "web01 memory," + VM_WEB01 + ",metric,Percentage Memory >,90%,2\r\n"
                + "elsewhere,/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg/providers/"
                + "Microsoft.Compute/virtualMachines/vm-x,metric,Percentage CPU >,90%,2\r\n"));

        assertThat(problems).containsExactly(
                new Problem(2, "対象", "check.resourceNotFound", List.of(goneId)),
                new Problem(3, "条件", "check.metricUnknown", List.of("Percentage Memory", "Microsoft.Compute/virtualMachines")),
                new Problem(4, "対象", "check.foreignSubscription", List.of("/subscriptions/11111111-2222-4333-8444-555555555555/"
                        + "resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-x")));
        assertThat(problems.get(0).text(io.opsflow.messages.Messages.standalone(java.util.Locale.JAPANESE)))
                .isEqualTo("2行目「対象」: リソース「" + goneId + "」が見つかりません");
        wireMock().verify(0, getRequestedFor(urlPathMatching("/subscriptions/11111111-.*")));
        wireMock().verify(0, getRequestedFor(urlPathEqualTo(goneId + DEFINITIONS)));
    }

    @Test
    void sqlDatabasesAreAskedOneByOneAsTheirMetricsDependOnHowTheyWereBought() {
        exists(SQL_DTU, "2023-08-01");
        exists(SQL_VCORE, "2023-08-01");
        stubMetricDefinitions(SQL_DTU, "cpu_percent", "dtu_consumption_percent");
        stubMetricDefinitions(SQL_VCORE, "cpu_percent");

        List<Problem> problems = check.check(customer(), parse(HEADER
                + "sales DTU," + SQL_DTU + ",metric,dtu_consumption_percent >=,80%,2\r\n"
                + "sales CPU," + SQL_VCORE + ",metric,cpu_percent >=,80%,2\r\n"
                + "vcore DTU," + SQL_VCORE + ",metric,dtu_consumption_percent >=,80%,2\r\n"));

        assertThat(problems).containsExactly(new Problem(4, "条件", "check.metricUnknown",
                List.of("dtu_consumption_percent", "Microsoft.Sql/servers/databases")));
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(SQL_DTU + DEFINITIONS)));
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(SQL_VCORE + DEFINITIONS)));
    }

    @Test
    void aTypeOpsflowHasNoVersionForAsksItsProviderOnceAndAGroupScopeItsGroup() {
        ObjectNode provider = JSON.createObjectNode().put("namespace", "Microsoft.Cache");
        provider.putArray("resourceTypes").addObject().put("resourceType", "Redis")
                .putArray("apiVersions").add("2024-03-01").add("2024-11-01").add("2025-01-01-preview");
        wireMock().stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION_ID + "/providers/Microsoft.Cache"))
                .withQueryParam("api-version", equalTo("2025-04-01")).willReturn(okJson(provider.toString())));
        exists(REDIS, "2024-11-01");
        wireMock().stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION_ID + "/resourcegroups/rg-acme-prod"))
                .withQueryParam("api-version", equalTo("2025-04-01")).willReturn(okJson("{\"name\":\"rg-acme-prod\"}")));

        List<Problem> problems = check.check(customer(), parse(HEADER
                + "redis deleted," + REDIS + ",activity log,Microsoft.Cache/redis/delete,,2\r\n"
                + "group writes," + RG + ",activity log,Microsoft.Compute/virtualMachines/write,,3\r\n"));

        assertThat(problems).isEmpty();
        wireMock().verify(1, getRequestedFor(urlPathEqualTo(REDIS)).withQueryParam("api-version", equalTo("2024-11-01")));
        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION_ID + "/resourcegroups/rg-acme-prod")));
    }

    @Test
    void throttlingIsNotAProblemOfTheListButAFailureToRetry() {
        wireMock().stubFor(get(urlPathEqualTo(VM_WEB01)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Number of read requests exceeded.\"}}")));

        assertThatThrownBy(() -> check.check(customer(), parse(HEADER + "web01 CPU," + VM_WEB01 + ",metric,Percentage CPU >,90%,2\r\n")))
                .isInstanceOf(ArmThrottledException.class);
    }

    private static List<MonitoringItem> parse(String csv) {
        MonitoringItemsList list = MonitoringItemsList.parse(csv.getBytes(StandardCharsets.UTF_8), "items.csv");
        assertThat(list.problems()).isEmpty();
        return list.items();
    }

    private static void exists(String id, String apiVersion) {
        wireMock().stubFor(get(urlPathEqualTo(id)).withQueryParam("api-version", equalTo(apiVersion))
                .willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + id.substring(id.lastIndexOf('/') + 1) + "\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(JsonNode response) {
        return aResponse().withStatus(response.path("status").asInt()).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(response.path("body").toString());
    }

    private static JsonNode contract(String file) {
        try (InputStream in = MonitoringItemsCheckTest.class.getResourceAsStream("/contracts/azure/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
