package io.opsflow.sandbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The sandbox's monitoring numbers: a Tokyo working day (busier 9–18 on weekdays), one short
 * Resource Health outage a month per resource, heartbeats with a gap or two, AVD sessions on
 * working days. Each value is seeded by resource, signal and hour, so a month reads the same every
 * time it is collected; hours after now have no value, as in Azure.
 */
final class SimulatedSignals {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Demo VMs Resource Health knows nothing of, so that the report shows the heartbeat fallback. */
    static final Set<String> WITHOUT_RESOURCE_HEALTH = Set.of("vm-demo-db01");
    private static final Map<String, List<String>> METRICS = Map.of(
            "microsoft.compute/virtualmachines", List.of("Percentage CPU"),
            "microsoft.web/sites", List.of("Requests", "Http5xx"),
            "microsoft.sql/servers/databases", List.of("dtu_consumption_percent", "cpu_percent"));

    private final Supplier<Instant> now;

    SimulatedSignals(Supplier<Instant> now) {
        this.now = now;
    }

    /** The metric definitions of a resource, as the Metrics API lists them (name, unit, aggregation, PT1H kept 93 days). */
    List<Map<String, Object>> definitions(String id, String type) {
        return METRICS.getOrDefault(type, List.of()).stream().map(name -> Map.<String, Object>of(
                "id", id + "/providers/microsoft.insights/metricdefinitions/" + name,
                "resourceId", id,
                "namespace", type,
                "name", Map.of("value", name, "localizedValue", name),
                "isDimensionRequired", false,
                "unit", unit(name),
                "primaryAggregationType", name.startsWith("Http") || name.equals("Requests") ? "Total" : "Average",
                "metricAvailabilities", List.of(Map.of("timeGrain", "PT1H", "retention", "P93D")))).toList();
    }

    /** The Metrics API's answer for one metric, or empty when the resource type has no such metric. */
    Optional<Map<String, Object>> metric(String id, String type, String name, String aggregation, Instant from, Instant to) {
        if (METRICS.getOrDefault(type, List.of()).stream().noneMatch(name::equals)) {
            return Optional.empty();
        }
        List<Map<String, Object>> data = new ArrayList<>();
        Instant end = now.get();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("timeStamp", hour.toString());
            if (hour.isBefore(end)) {
                point.put(aggregation, value(id, name, hour));
            }
            data.add(point);
        }
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("id", id + "/providers/Microsoft.Insights/metrics/" + name);
        metric.put("type", "Microsoft.Insights/metrics");
        metric.put("name", Map.of("value", name, "localizedValue", name));
        metric.put("unit", unit(name));
        metric.put("timeseries", List.of(Map.of("metadatavalues", List.of(), "data", data)));
        metric.put("errorCode", "Success");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cost", data.size());
        body.put("timespan", from + "/" + to);
        body.put("interval", "PT1H");
        body.put("value", List.of(metric));
        body.put("namespace", type);
        body.put("resourceregion", "japaneast");
        return Optional.of(body);
    }

    double value(String id, String name, Instant hour) {
        LocalDateTime local = LocalDateTime.ofInstant(hour, TOKYO);
        boolean busy = local.getHour() >= 9 && local.getHour() < 18 && local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        double noise = unit(id, name, hour.getEpochSecond() / 3600);
        return switch (name) {
            case "Percentage CPU" -> round(busy ? 35 + 40 * noise : 8 + 12 * noise);
            case "Requests" -> Math.rint(busy ? 800 + 700 * noise : 40 + 60 * noise);
            case "Http5xx" -> Math.floor(value(id, "Requests", hour) * 0.004 * noise);
            case "dtu_consumption_percent" -> round(busy ? 30 + 55 * noise : 5 + 10 * noise);
            default -> round(busy ? 25 + 50 * noise : 4 + 10 * noise);
        };
    }

    /** Newest first, as Resource Health lists them; the first is the current status. */
    List<Map<String, Object>> healthHistory(String id) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        if (WITHOUT_RESOURCE_HEALTH.contains(name.toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        Instant end = now.get();
        Instant start = end.minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        List<Object[]> transitions = new ArrayList<>();
        transitions.add(new Object[] {start, "Available"});
        for (YearMonth m = YearMonth.from(start.atZone(ZoneOffset.UTC)); !m.isAfter(YearMonth.from(end.atZone(ZoneOffset.UTC)));
             m = m.plusMonths(1)) {
            double u = unit(id, "outage", m.getYear() * 12L + m.getMonthValue());
            Instant down = m.atDay(3 + (int) (u * 20)).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours((long) (u * 997) % 24));
            Instant up = down.plus(Duration.ofMinutes(15 + (long) (u * 60)));
            if (down.isAfter(start) && down.isBefore(end)) {
                transitions.add(new Object[] {down, "Unavailable"});
                if (up.isBefore(end)) {
                    transitions.add(new Object[] {up, "Available"});
                }
            }
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (int i = transitions.size() - 1; i >= 0; i--) {
            Instant at = (Instant) transitions.get(i)[0];
            String state = (String) transitions.get(i)[1];
            String statusName = i == transitions.size() - 1 ? "current" : at.toString().replace(":", "%3a");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("availabilityState", state);
            properties.put("summary", "Available".equals(state) ? "This resource is running normally"
                    : "We're sorry, your resource is unavailable");
            properties.put("reasonChronicity", "Persistent");
            properties.put("occuredTime", at.toString());
            properties.put("reportedTime", at.plusSeconds(90).toString());
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("id", id + "/providers/Microsoft.ResourceHealth/availabilityStatuses/" + statusName);
            status.put("name", statusName);
            status.put("type", "Microsoft.ResourceHealth/AvailabilityStatuses");
            status.put("location", "japaneast");
            status.put("properties", properties);
            statuses.add(status);
        }
        return statuses;
    }

    /** A row of the heartbeat query: the VM and its hours with a heartbeat, one or two hours missing. */
    List<Object> heartbeat(String id, Instant from, Instant to) {
        long hours = (Math.max(0, Duration.between(from, min(to, now.get())).toMinutes()) + 59) / 60;
        long missing = 1 + (long) (unit(id, "heartbeat", from.getEpochSecond()) * 2);
        return List.of(id, Math.max(0, hours - missing));
    }

    /** A row of the AVD query: the host pool, its sessions and distinct users (a small office team). */
    List<Object> avd(String id, Instant from, Instant to) {
        long workingDays = 0;
        for (Instant day = from; day.isBefore(min(to, now.get())); day = day.plus(Duration.ofDays(1))) {
            workingDays += day.atZone(TOKYO).getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() ? 1 : 0;
        }
        double u = unit(id, "avd", from.getEpochSecond());
        return List.of(id, workingDays * (30 + (long) (u * 20)), workingDays == 0 ? 0 : 12 + (long) (u * 6));
    }

    private static double unit(String id, String signal, long slot) {
        long seed = id.toLowerCase(Locale.ROOT).hashCode() * 31L + signal.hashCode();
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + slot).nextDouble();
    }

    private static String unit(String metric) {
        return metric.startsWith("Http") || metric.equals("Requests") ? "Count" : "Percent";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
