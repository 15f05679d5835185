package io.opsflow.report;

import java.time.Duration;
import java.util.List;

/**
 * Median and 90th percentile of a set of durations, nearest-rank (the value at rank ⌈p·n⌉ of the
 * sorted list), so every figure is a duration that really happened. Empty: count 0 and no values.
 */
public record Durations(int count, Duration median, Duration p90) {

    static Durations of(List<Duration> values) {
        if (values.isEmpty()) {
            return new Durations(0, null, null);
        }
        List<Duration> sorted = values.stream().sorted().toList();
        return new Durations(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static Duration rank(List<Duration> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
