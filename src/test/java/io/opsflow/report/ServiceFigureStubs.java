package io.opsflow.report;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.azure.MonitorReadingWireMockTest;

/**
 * Azure Monitor answers in the shapes of the REST specifications (azure-rest-api-specs examples
 * {@code GetMetric.json} 2023-10-01, {@code AvailabilityStatuses_List.json} 2025-04-01 with its
 * {@code occuredTime} spelling, {@code oms-post-example.json} 2017-10-01 with string cells).
 */
final class ServiceFigureStubs {

    static final String FIRST_HOUR = "2026-10-31T15:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension wm;
    private final String base;

    ServiceFigureStubs(WireMockExtension wm, String base) {
        this.wm = wm;
        this.base = base;
    }

    void notFound(String path) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}")));
    }

    /** Newest first, as Resource Health lists them: the current status on page 1, the rest behind {@code nextLink}. */
    void healthInTwoPages(String resource, String currentAvailableSince, String unavailableAt, String availableBefore) {
        String path = resource + "/providers/Microsoft.ResourceHealth/availabilityStatuses";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", absent()).willReturn(okJson("{\"value\":["
                + status(resource, "current", "Available", currentAvailableSince) + "],\"nextLink\":\"" + base + path
                + "?api-version=2025-04-01&$skiptoken=page2\"}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", equalTo("page2")).willReturn(okJson("{\"value\":["
                + status(resource, unavailableAt, "Unavailable", unavailableAt) + ","
                + status(resource, availableBefore, "Available", availableBefore) + "]}")));
    }

    /** 20 hourly averages 1..20 in shuffled order and one hour without a value, after one 429 that asks for 1 s. */
    void cpuOfTwentyHoursBehindA429(String resource) {
        String path = resource + "/providers/Microsoft.Insights/metrics";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("metricnames", equalTo("Percentage CPU")).inScenario("throttled")
                .whenScenarioStateIs(STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry after 1 second.\"}}")));
        double[] values = {7, 3, 20, 11, 1, 15, 9, 19, 2, 13, 5, 17, 4, 18, 6, 12, 8, 16, 10, 14};
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("metricnames", equalTo("Percentage CPU")).inScenario("throttled")
                .whenScenarioStateIs("answered").willReturn(okJson(metricBody(resource, "Percentage CPU", "average", true, values))));
    }

    void metric(String resource, String name, String aggregation, double... values) {
        wm.stubFor(get(urlPathEqualTo(resource + "/providers/Microsoft.Insights/metrics")).withQueryParam("metricnames", equalTo(name))
                .willReturn(okJson(metricBody(resource, name, aggregation, false, values))));
    }

    /** The metric definitions list, with only what the collection reads of it: the names. */
    void definitions(String resource, String... names) {
        MonitorReadingWireMockTest.stubMetricDefinitions(resource, names);
    }

    void query(String workspace, String table, List<String> columns, List<List<Object>> rows) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode result = body.putArray("tables").addObject();
        result.put("name", "PrimaryResult");
        ArrayNode cols = result.putArray("columns");
        columns.forEach(c -> cols.addObject().put("name", c).put("type", c.equals(columns.get(0)) ? "string" : "long"));
        ArrayNode out = result.putArray("rows");
        rows.forEach(r -> out.add(JSON.valueToTree(r)));
        wm.stubFor(post(urlPathEqualTo(workspace + "/query")).withRequestBody(matchingJsonPath("$.query", containing(table)))
                .willReturn(okJson(body.toString())));
    }

    private static String status(String resource, String name, String state, String occurred) {
        return "{\"id\":\"" + resource + "/providers/Microsoft.ResourceHealth/availabilityStatuses/" + name + "\",\"name\":\"" + name
                + "\",\"type\":\"Microsoft.ResourceHealth/AvailabilityStatuses\",\"location\":\"japaneast\",\"properties\":{"
                + "\"availabilityState\":\"" + state + "\",\"summary\":\"" + state + "\",\"reasonChronicity\":\"Persistent\","
                + "\"occuredTime\":\"" + occurred + "\",\"reportedTime\":\"" + occurred + "\"}}";
    }

    /** No values gives the empty {@code timeseries} Azure answers for a metric without data. */
    private static String metricBody(String resource, String name, String aggregation, boolean withGap, double... values) {
        ObjectNode body = JSON.createObjectNode();
        body.put("cost", 719);
        body.put("timespan", "2026-10-31T15:00:00Z/2026-11-30T15:00:00Z");
        body.put("interval", "PT1H");
        ObjectNode metric = body.putArray("value").addObject();
        metric.put("id", resource + "/providers/Microsoft.Insights/metrics/" + name);
        metric.put("type", "Microsoft.Insights/metrics");
        metric.putObject("name").put("value", name).put("localizedValue", name);
        metric.put("unit", "Percent");
        ArrayNode timeseries = metric.putArray("timeseries");
        if (values.length > 0) {
            ObjectNode series = timeseries.addObject();
            series.putArray("metadatavalues");
            ArrayNode data = series.putArray("data");
            List<Instant> hours = new ArrayList<>();
            for (int i = 0; i < values.length + (withGap ? 1 : 0); i++) {
                hours.add(Instant.parse(FIRST_HOUR).plusSeconds(3600L * i));
            }
            for (int i = 0; i < hours.size(); i++) {
                ObjectNode point = data.addObject().put("timeStamp", hours.get(i).toString());
                if (i < values.length) {
                    point.put(aggregation, values[i]);
                }
            }
        }
        metric.put("errorCode", "Success");
        body.put("namespace", "Microsoft.Compute/virtualMachines");
        body.put("resourceregion", "japaneast");
        return body.toString();
    }
}
