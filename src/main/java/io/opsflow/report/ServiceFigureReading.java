package io.opsflow.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.opsflow.azure.LogAnalyticsQueries;
import io.opsflow.azure.MetricPoint;
import io.opsflow.azure.MonitorMetrics;
import io.opsflow.azure.MonitorMetrics.Aggregation;
import io.opsflow.azure.MonitoredResource;
import io.opsflow.azure.ResourceHealthHistory;
import io.opsflow.customer.Customer;

/**
 * Reads one customer's month from Azure, resource by resource. The Log Analytics answers (heartbeat
 * hours, AVD connections) are one query per workspace for all resources, asked only when a resource
 * needs them. Figures are defined in {@link MonthlyReport.ServiceResource}.
 */
final class ServiceFigureReading {

    static final String RESOURCE_HEALTH = "resourceHealth";
    static final String HEARTBEAT = "heartbeat";
    static final String METRICS = "metrics";
    static final String LOG_ANALYTICS = "logAnalytics";

    /**
     * {@code union isfuzzy=true} with an empty typed table: a workspace that never received the table
     * (no AVD there, no agent) answers no rows instead of a 400 for an unknown table.
     */
    static final String HEARTBEAT_HOURS = "union isfuzzy=true (datatable(TimeGenerated: datetime, _ResourceId: string)[]), (Heartbeat)"
            + " | where TimeGenerated >= datetime(%1$s) and TimeGenerated < datetime(%2$s)"
            + " | summarize by resourceId = tolower(_ResourceId), hour = bin(TimeGenerated, 1h)"
            + " | summarize hours = count() by resourceId";
    static final String AVD_CONNECTIONS = "union isfuzzy=true (datatable(TimeGenerated: datetime, State: string,"
            + " CorrelationId: string, UserName: string, _ResourceId: string)[]), (WVDConnections)"
            + " | where TimeGenerated >= datetime(%1$s) and TimeGenerated < datetime(%2$s) and State == 'Connected'"
            + " | summarize sessions = count_distinct(CorrelationId), users = count_distinct(UserName) by hostPool = tolower(_ResourceId)";

    private final Customer customer;
    private final Instant from;
    private final Instant to;
    private final List<String> workspaces;
    private final MonitorMetrics metrics;
    private final ResourceHealthHistory health;
    private final LogAnalyticsQueries logs;
    private Map<String, List<JsonNode>> heartbeatHours;
    private Map<String, List<JsonNode>> avdConnections;

    ServiceFigureReading(Customer customer, Instant from, Instant to, List<String> workspaces, MonitorMetrics metrics,
                         ResourceHealthHistory health, LogAnalyticsQueries logs) {
        this.customer = customer;
        this.from = from;
        this.to = to;
        this.workspaces = workspaces;
        this.metrics = metrics;
        this.health = health;
        this.logs = logs;
    }

    ServiceFigureStore.Collected read(MonitoredResource resource) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        switch (resource.kind()) {
            case VIRTUAL_MACHINE -> {
                availability(resource, values, sources, true);
                put(values, sources, ServiceFigure.CPU_P95, ServiceFigureMath.p95(hourly(resource, "Percentage CPU", Aggregation.AVERAGE)), METRICS);
            }
            case APP_SERVICE -> {
                availability(resource, values, sources, false);
                put(values, sources, ServiceFigure.REQUESTS, ServiceFigureMath.sum(hourly(resource, "Requests", Aggregation.TOTAL)), METRICS);
                put(values, sources, ServiceFigure.HTTP_5XX, ServiceFigureMath.sum(hourly(resource, "Http5xx", Aggregation.TOTAL)), METRICS);
            }
            case SQL_DATABASE -> {
                availability(resource, values, sources, false);
                // A vCore database defines no DTU metric; asking for it anyway would be a 400.
                Set<String> defined = metrics.definedMetrics(customer, resource.id()).orElse(Set.of());
                put(values, sources, ServiceFigure.DTU_PEAK, peakIfDefined(resource, defined, "dtu_consumption_percent"), METRICS);
                put(values, sources, ServiceFigure.CPU_PEAK, peakIfDefined(resource, defined, "cpu_percent"), METRICS);
            }
            case AVD_HOST_POOL -> {
                List<JsonNode> row = avdConnections().get(key(resource.id()));
                put(values, sources, ServiceFigure.SESSIONS, row == null ? null : row.get(0).asDouble(), LOG_ANALYTICS);
                put(values, sources, ServiceFigure.DISTINCT_USERS, row == null ? null : row.get(1).asDouble(), LOG_ANALYTICS);
            }
            case LOG_ANALYTICS_WORKSPACE -> throw new IllegalArgumentException("A workspace has no service figures: " + resource.id());
        }
        return new ServiceFigureStore.Collected(resource.id(), resource.name(), ServiceFigure.kindName(resource.kind()), values, sources);
    }

    private void availability(MonitoredResource resource, Map<String, Double> values, Map<String, String> sources, boolean heartbeat) {
        Double fromHealth = ServiceFigureMath.availability(health.transitions(customer, resource.id()), from, to);
        if (fromHealth != null || !heartbeat) {
            put(values, sources, ServiceFigure.AVAILABILITY, fromHealth, RESOURCE_HEALTH);
            return;
        }
        List<JsonNode> row = heartbeatHours().get(key(resource.id()));
        put(values, sources, ServiceFigure.AVAILABILITY,
                ServiceFigureMath.heartbeatAvailability(row == null ? null : row.get(0).asLong(), from, to), HEARTBEAT);
    }

    private Double peakIfDefined(MonitoredResource resource, Set<String> defined, String metric) {
        return defined.contains(metric) ? ServiceFigureMath.peak(hourly(resource, metric, Aggregation.MAXIMUM)) : null;
    }

    /** A resource that answers 404 has no points, like one without data in the month. */
    private List<MetricPoint> hourly(MonitoredResource resource, String metric, Aggregation aggregation) {
        return metrics.hourly(customer, resource.id(), metric, aggregation, from, to).orElse(List.of());
    }

    private Map<String, List<JsonNode>> heartbeatHours() {
        if (heartbeatHours == null) {
            heartbeatHours = byResource(HEARTBEAT_HOURS, "resourceId", "hours");
        }
        return heartbeatHours;
    }

    private Map<String, List<JsonNode>> avdConnections() {
        if (avdConnections == null) {
            avdConnections = byResource(AVD_CONNECTIONS, "hostPool", "sessions", "users");
        }
        return avdConnections;
    }

    /**
     * The query on every workspace, rows keyed by lower-case resource id. A resource seen by two
     * workspaces keeps the larger answer: adding would count its heartbeats or sessions twice.
     */
    private Map<String, List<JsonNode>> byResource(String query, String keyColumn, String... valueColumns) {
        Map<String, List<JsonNode>> rows = new HashMap<>();
        String kql = String.format(Locale.ROOT, query, from, to);
        for (String workspace : workspaces) {
            for (Map<String, JsonNode> row : logs.query(customer, workspace, kql, from, to).orElse(List.of())) {
                JsonNode id = row.get(keyColumn);
                if (id == null || id.asText().isBlank()) {
                    continue;
                }
                List<JsonNode> values = Arrays.stream(valueColumns).map(c -> numeric(row.get(c))).toList();
                rows.merge(id.asText().toLowerCase(Locale.ROOT), values,
                        (a, b) -> a.get(0).asDouble() >= b.get(0).asDouble() ? a : b);
            }
        }
        return rows;
    }

    /** The 2017-10-01 API types cells as strings ("12"); newer answers give numbers. */
    private static JsonNode numeric(JsonNode cell) {
        if (cell != null && cell.isTextual()) {
            try {
                return DoubleNode.valueOf(Double.parseDouble(cell.asText()));
            } catch (NumberFormatException notANumber) {
                return NullNode.getInstance();
            }
        }
        return cell == null ? NullNode.getInstance() : cell;
    }

    private static String key(String resourceId) {
        return resourceId.toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, Double> values, Map<String, String> sources, ServiceFigure figure, Double value, String source) {
        values.put(figure.key, value);
        sources.put(figure.key, source);
    }
}
