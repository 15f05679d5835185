package io.opsflow.azure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;

/**
 * Azure Monitor platform metrics of one resource
 * ({@code GET {resourceId}/providers/Microsoft.Insights/metrics}, api-version 2023-10-01), hourly.
 * One metric per request: a metric a resource does not have (a vCore database has no DTU) then
 * spoils no other.
 */
public class MonitorMetrics {

    static final String API_VERSION = "2023-10-01";
    static final String HOURLY = "PT1H";

    /** The aggregation types the Metrics API knows, as its query parameter and response fields spell them. */
    public enum Aggregation {
        AVERAGE, TOTAL, MAXIMUM;

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        String parameter() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    private final ArmClient arm;

    MonitorMetrics(ArmClient arm) {
        this.arm = arm;
    }

    /**
     * The names of the metrics the resource defines ({@code GET {resourceId}/providers/Microsoft.Insights/metricDefinitions}),
     * compared case-insensitively; empty when the resource is gone (404). The Metrics API answers 400
     * for a metric the resource does not define, so a metric that depends on how the resource was
     * bought (DTU of a SQL database) is asked for only when it is defined.
     */
    public Optional<Set<String>> definedMetrics(Customer customer, String resourceId) {
        ArmRequest request = ArmRequest.get(MonitorPaths.under(resourceId, "providers", "Microsoft.Insights", "metricDefinitions"),
                API_VERSION);
        return arm.find(customer, request).map(response -> {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            response.json().path("value").forEach(definition -> names.add(definition.path("name").path("value").asText()));
            return names;
        });
    }

    /**
     * The hourly values of {@code metric} in [{@code from}, {@code to}), oldest first. Empty when the
     * resource is gone (404); an empty list when Azure has no value in the span (empty
     * {@code timeseries}, or data points without the aggregation). Dimensions are not split, so
     * there is one time series.
     */
    public Optional<List<MetricPoint>> hourly(Customer customer, String resourceId, String metric, Aggregation aggregation,
                                              Instant from, Instant to) {
        ArmRequest request = ArmRequest.get(MonitorPaths.under(resourceId, "providers", "Microsoft.Insights", "metrics"), API_VERSION)
                .withQuery("metricnames", metric)
                .withQuery("timespan", from + "/" + to)
                .withQuery("interval", HOURLY)
                .withQuery("aggregation", aggregation.parameter());
        return arm.find(customer, request).map(response -> points(response.json(), metric, aggregation));
    }

    static List<MetricPoint> points(JsonNode body, String metric, Aggregation aggregation) {
        List<MetricPoint> points = new ArrayList<>();
        for (JsonNode value : body.path("value")) {
            if (!metric.equalsIgnoreCase(value.path("name").path("value").asText())) {
                continue;
            }
            for (JsonNode series : value.path("timeseries")) {
                for (JsonNode data : series.path("data")) {
                    JsonNode number = data.get(aggregation.field());
                    if (number != null && number.isNumber()) {
                        points.add(new MetricPoint(Instant.parse(data.path("timeStamp").asText()), number.asDouble()));
                    }
                }
            }
        }
        points.sort((a, b) -> a.timeStamp().compareTo(b.timeStamp()));
        return points;
    }
}
