package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.opsflow.azure.AvailabilityTransition;
import io.opsflow.azure.MetricPoint;

/** The arithmetic of the service figures, apart from Azure so that known answers can be tested. */
final class ServiceFigureMath {

    private ServiceFigureMath() {
    }

    /**
     * Share of [{@code from}, {@code to}) in which the resource was not Unavailable, among the time
     * whose state is known: the state at {@code from} is the last transition before it. Null when no
     * transition covers any of the span (Resource Health's history does not reach back that far, or
     * it knows nothing of the resource).
     */
    static Double availability(List<AvailabilityTransition> oldestFirst, Instant from, Instant to) {
        long known = 0;
        long up = 0;
        for (int i = 0; i < oldestFirst.size(); i++) {
            AvailabilityTransition t = oldestFirst.get(i);
            Instant start = max(t.occurredAt(), from);
            Instant end = i + 1 < oldestFirst.size() ? min(oldestFirst.get(i + 1).occurredAt(), to) : to;
            if (!end.isAfter(start) || t.state() == AvailabilityTransition.State.UNKNOWN) {
                continue;
            }
            long millis = Duration.between(start, end).toMillis();
            known += millis;
            if (t.state() != AvailabilityTransition.State.UNAVAILABLE) {
                up += millis;
            }
        }
        return known == 0 ? null : (double) up / known;
    }

    /** Hours with a heartbeat ÷ the span's whole hours (at least one); null without any heartbeat hour. */
    static Double heartbeatAvailability(Long hoursWithHeartbeat, Instant from, Instant to) {
        if (hoursWithHeartbeat == null) {
            return null;
        }
        long hours = Math.max(1, (Duration.between(from, to).toMinutes() + 59) / 60);
        return Math.min(1.0, (double) hoursWithHeartbeat / hours);
    }

    /** Nearest rank: the smallest value with at least 95 % of the values at or below it; null for none. */
    static Double p95(List<MetricPoint> points) {
        if (points.isEmpty()) {
            return null;
        }
        double[] values = points.stream().mapToDouble(MetricPoint::value).sorted().toArray();
        int rank = (int) Math.ceil(0.95 * values.length);
        return values[Math.max(rank, 1) - 1];
    }

    static Double sum(List<MetricPoint> points) {
        return points.isEmpty() ? null : points.stream().mapToDouble(MetricPoint::value).sum();
    }

    static Double peak(List<MetricPoint> points) {
        return points.isEmpty() ? null : points.stream().mapToDouble(MetricPoint::value).max().orElseThrow();
    }

    /** Null when there is nothing to divide by, never a fake 0 %. */
    static Double rate(Double part, Double whole) {
        return part == null || whole == null || whole == 0 ? null : part / whole;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
