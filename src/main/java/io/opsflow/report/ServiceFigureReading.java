package io.opsflow.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import io.opsflow.azure.AvdUsage;
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

    private final Customer customer;
    private final Instant from;
    private final Instant to;
    private final List<String> workspaces;
    private final MonitorMetrics metrics;
    private final ResourceHealthHistory health;
    private final LogAnalyticsQueries logs;
    private Map<String, Long> heartbeatHours;
    private Map<String, AvdUsage> avdUsage;

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
                put(values, sources, ServiceFigure.CPU_P95,
                        ServiceFigureMath.p95(hourly(resource, "Percentage CPU", Aggregation.AVERAGE)), METRICS);
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
                AvdUsage usage = avdUsage().get(key(resource.id()));
                put(values, sources, ServiceFigure.SESSIONS, usage == null ? null : (double) usage.sessions(), LOG_ANALYTICS);
                put(values, sources, ServiceFigure.DISTINCT_USERS, usage == null ? null : (double) usage.distinctUsers(), LOG_ANALYTICS);
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
        put(values, sources, ServiceFigure.AVAILABILITY,
                ServiceFigureMath.heartbeatAvailability(heartbeatHours().get(key(resource.id())), from, to), HEARTBEAT);
    }

    private Double peakIfDefined(MonitoredResource resource, Set<String> defined, String metric) {
        return defined.contains(metric) ? ServiceFigureMath.peak(hourly(resource, metric, Aggregation.MAXIMUM)) : null;
    }

    /** A resource that answers 404 has no points, like one without data in the month. */
    private List<MetricPoint> hourly(MonitoredResource resource, String metric, Aggregation aggregation) {
        return metrics.hourly(customer, resource.id(), metric, aggregation, from, to).orElse(List.of());
    }

    /** A VM seen by two workspaces keeps the larger answer: adding would count its heartbeats twice. */
    private Map<String, Long> heartbeatHours() {
        if (heartbeatHours == null) {
            heartbeatHours = new HashMap<>();
            workspaces.forEach(w -> logs.heartbeatHours(customer, w, from, to)
                    .forEach((id, hours) -> heartbeatHours.merge(id, hours, Math::max)));
        }
        return heartbeatHours;
    }

    private Map<String, AvdUsage> avdUsage() {
        if (avdUsage == null) {
            avdUsage = new HashMap<>();
            workspaces.forEach(w -> logs.avdUsage(customer, w, from, to).forEach((id, usage) -> avdUsage.merge(id, usage,
                    (a, b) -> a.sessions() >= b.sessions() ? a : b)));
        }
        return avdUsage;
    }

    private static String key(String resourceId) {
        return resourceId.toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, Double> values, Map<String, String> sources, ServiceFigure figure, Double value, String source) {
        values.put(figure.key, value);
        sources.put(figure.key, source);
    }
}
