package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reading operations' parsing of the documented shapes: the Metrics API's dimension-split
 * {@code timeseries} (azure-rest-api-specs {@code GetMetric.json}, 2023-10-01), Resource Health's
 * list with its {@code occuredTime} spelling and a resource name with a space
 * ({@code AvailabilityStatuses_List.json}, 2025-04-01), the 2017-10-01 query answer with string
 * cells ({@code oms-post-example.json}), and Resource Graph rows of other types.
 */
class MonitorReadingTest extends ArmWireMockTest {

    static final Instant FROM = Instant.parse("2026-10-31T15:00:00Z");
    static final Instant TO = Instant.parse("2026-11-30T15:00:00Z");
    static final String RG = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rhctestenv/providers/";

    @Test
    void metricPointsOfEverySeriesAreReadOldestFirstAndHoursWithoutTheAggregationSkipped() throws Exception {
        String body = """
                {"cost":598,"timespan":"2021-04-20T09:00:00Z/2021-04-20T14:00:00Z","interval":"PT1H","value":[
                 {"id":"/x/providers/Microsoft.Insights/metrics/BlobCount","type":"Microsoft.Insights/metrics",
                  "name":{"value":"BlobCount","localizedValue":"Blob Count"},"unit":"Count","timeseries":[
                   {"metadatavalues":[{"name":{"value":"tier","localizedValue":"tier"},"value":"Hot"}],
                    "data":[{"timeStamp":"2021-04-20T10:00:00Z","average":7.0},{"timeStamp":"2021-04-20T09:00:00Z","average":6.0}]},
                   {"metadatavalues":[{"name":{"value":"tier","localizedValue":"tier"},"value":"Cool"}],
                    "data":[{"timeStamp":"2021-04-20T09:30:00Z","average":0.0},{"timeStamp":"2021-04-20T11:00:00Z"}]}],
                  "errorCode":"Success"},
                 {"id":"/x/providers/Microsoft.Insights/metrics/BlobCapacity","name":{"value":"BlobCapacity"},
                  "timeseries":[{"metadatavalues":[],"data":[{"timeStamp":"2021-04-20T09:00:00Z","average":621492.0}]}]}],
                "namespace":"microsoft.storage/storageaccounts/blobservices","resourceregion":"westus2"}""";

        List<MetricPoint> points = MonitorMetrics.points(new ObjectMapper().readTree(body), "BlobCount", MonitorMetrics.Aggregation.AVERAGE);

        assertThat(points).extracting(MetricPoint::value).containsExactly(6.0, 0.0, 7.0);
    }

    @Test
    void resourceHealthIsReadForAResourceWhoseNameHasASpace() {
        String vm = RG + "Microsoft.ClassicCompute/virtualMachines/rhctes tenvV1PI";
        String encoded = RG + "Microsoft.ClassicCompute/virtualMachines/rhctes%20tenvV1PI/providers/Microsoft.ResourceHealth/availabilityStatuses";
        wm.stubFor(get(urlPathEqualTo(encoded)).willReturn(okJson("""
                {"value":[
                 {"id":"x/current","name":"current","type":"Microsoft.ResourceHealth/AvailabilityStatuses","location":"eastus",
                  "properties":{"availabilityState":"Unavailable","title":"Unavailable","reasonType":"Unplanned",
                   "occuredTime":"2016-03-29T09:12:00Z","reportedTime":"2016-05-04T14:11:29.7598931Z"}},
                 {"id":"x/2016-03-28+16%3a23%3a00Z","name":"2016-03-28+16%3a23%3a00Z","properties":{"availabilityState":"Available",
                  "occuredTime":"2016-03-28T16:23:00Z"}},
                 {"id":"x/odd","name":"odd","properties":{"availabilityState":"Rebooting","occurredTime":"2016-03-28T10:00:00Z"}},
                 {"id":"x/untimed","name":"untimed","properties":{"availabilityState":"Available"}}]}""")));

        List<AvailabilityTransition> transitions = new ResourceHealthHistory(arm).transitions(acme(), vm);

        assertThat(transitions).extracting(AvailabilityTransition::state).containsExactly(AvailabilityTransition.State.UNKNOWN,
                AvailabilityTransition.State.AVAILABLE, AvailabilityTransition.State.UNAVAILABLE);
        assertThat(transitions.get(2).occurredAt()).isEqualTo(Instant.parse("2016-03-29T09:12:00Z"));
        wm.verify(getRequestedFor(urlPathEqualTo(encoded)).withQueryParam("api-version", equalTo("2025-04-01")));
    }

    @Test
    void queryCellsTypedAsStringsAreCountsAndAGoneWorkspaceAnswersNothing() {
        String workspace = RG + "Microsoft.OperationalInsights/workspaces/log-acme";
        wm.stubFor(post(urlPathEqualTo(workspace + "/query")).willReturn(okJson("""
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"resourceId","type":"string"},{"name":"hours","type":"long"}],
                 "rows":[["/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM-1","360"],
                         [null,"5"],["/subscriptions/s/vm-2",719]]}]}""")));
        String gone = RG + "Microsoft.OperationalInsights/workspaces/log-gone";
        wm.stubFor(post(urlPathEqualTo(gone + "/query")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"gone\"}}")));

        LogAnalyticsQueries logs = new LogAnalyticsQueries(arm);

        assertThat(logs.heartbeatHours(acme(), workspace, FROM, TO)).isEqualTo(Map.of(
                "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1", 360L, "/subscriptions/s/vm-2", 719L));
        assertThat(logs.avdUsage(acme(), gone, FROM, TO)).isEmpty();
    }

    @Test
    void resourceGraphRowsOfOtherTypesAreNotMonitoredAndTheQueryIsOrderedForPaging() {
        wm.stubFor(post(urlPathEqualTo("/providers/Microsoft.ResourceGraph/resources")).willReturn(okJson("""
                {"totalRecords":3,"count":3,"resultTruncated":"false","data":[
                 {"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1","name":"vm-1",
                  "type":"microsoft.compute/virtualmachines"},
                 {"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/c","name":"c",
                  "type":"microsoft.documentdb/databaseaccounts"},
                 {"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.DesktopVirtualization/hostPools/hp","name":"hp",
                  "type":"microsoft.desktopvirtualization/hostpools"}],"facets":[]}""")));

        assertThat(new ResourceGraphInventory(arm).monitoredResources(acme())).extracting(MonitoredResource::kind)
                .containsExactly(MonitoredResource.Kind.VIRTUAL_MACHINE, MonitoredResource.Kind.AVD_HOST_POOL);
        assertThat(ResourceGraphInventory.query()).contains("order by id asc", "'microsoft.web/sites'", "name =~ 'master'");
    }
}
