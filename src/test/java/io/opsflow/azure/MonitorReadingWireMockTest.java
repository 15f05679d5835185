package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.customer.Customer;

/**
 * {@link ArmWireMockTest} for tests outside this package that read Azure Monitor through the
 * production adapter: the reading operations wired on the same HTTPS stub and customer credential.
 */
public abstract class MonitorReadingWireMockTest extends ArmWireMockTest {

    protected static final String SUBSCRIPTION_ID = SUBSCRIPTION;
    protected static final String TOKEN = ACCESS_TOKEN;

    protected static WireMockExtension wireMock() {
        return wm;
    }

    /**
     * The resource's metric definitions list ({@code GET {resource}/providers/Microsoft.Insights/metricDefinitions})
     * with the given metric names, in the shape Azure Monitor answers (hourly grain kept 93 days).
     */
    public static void stubMetricDefinitions(String resource, String... names) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode value = json.createArrayNode();
        for (String name : names) {
            ObjectNode definition = value.addObject();
            definition.put("id", resource + "/providers/microsoft.insights/metricdefinitions/" + name);
            definition.put("resourceId", resource);
            definition.putObject("name").put("value", name).put("localizedValue", name);
            definition.put("unit", "Percent");
            definition.put("primaryAggregationType", "Average");
            definition.putArray("metricAvailabilities").addObject().put("timeGrain", "PT1H").put("retention", "P93D");
        }
        wm.stubFor(get(urlPathEqualTo(resource + "/providers/Microsoft.Insights/metricDefinitions"))
                .willReturn(okJson(json.createObjectNode().set("value", value).toString())));
    }

    protected static Customer customer() {
        return acme();
    }

    protected String armBaseUrl() {
        return baseUrl();
    }

    protected ResourceGraphInventory inventory() {
        return new ResourceGraphInventory(arm);
    }

    protected MonitorMetrics metrics() {
        return new MonitorMetrics(arm);
    }

    protected ResourceHealthHistory health() {
        return new ResourceHealthHistory(arm);
    }

    protected AzureResources resources() {
        return new AzureResources(arm);
    }

    protected LogAnalyticsQueries logs() {
        return new LogAnalyticsQueries(arm);
    }
}
