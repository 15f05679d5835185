package io.opsflow.azure;

import java.time.Instant;

/** One interval of a metric: its start and the requested aggregation's value. */
public record MetricPoint(Instant timeStamp, double value) {
}
