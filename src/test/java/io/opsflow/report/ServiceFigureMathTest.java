package io.opsflow.report;

import static io.opsflow.azure.AvailabilityTransition.State.AVAILABLE;
import static io.opsflow.azure.AvailabilityTransition.State.DEGRADED;
import static io.opsflow.azure.AvailabilityTransition.State.UNAVAILABLE;
import static io.opsflow.azure.AvailabilityTransition.State.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.opsflow.azure.AvailabilityTransition;
import io.opsflow.azure.MetricPoint;

/** The service figures' arithmetic against answers worked out by hand. */
class ServiceFigureMathTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-11T00:00:00Z");

    @Test
    void availabilityCountsTheStateBeforeTheMonthAndLeavesUnknownOut() {
        List<AvailabilityTransition> history = List.of(
                t("2026-10-01T00:00:00Z", AVAILABLE),
                t("2026-11-02T00:00:00Z", UNAVAILABLE),
                t("2026-11-02T12:00:00Z", DEGRADED),
                t("2026-11-03T00:00:00Z", UNKNOWN),
                t("2026-11-04T00:00:00Z", AVAILABLE),
                t("2026-12-01T00:00:00Z", UNAVAILABLE));

        // 10 days, 1 of them Unknown: 9 days known, 12 hours of them Unavailable; Degraded is up.
        assertThat(ServiceFigureMath.availability(history, FROM, TO)).isEqualTo((9 * 24 - 12) / (9.0 * 24));
    }

    @Test
    void availabilityIsNoDataWhenTheHistoryDoesNotReachTheMonth() {
        assertThat(ServiceFigureMath.availability(List.of(), FROM, TO)).isNull();
        assertThat(ServiceFigureMath.availability(List.of(t("2026-11-20T00:00:00Z", AVAILABLE)), FROM, TO)).isNull();
        assertThat(ServiceFigureMath.availability(List.of(t("2026-10-01T00:00:00Z", UNKNOWN)), FROM, TO)).isNull();
        assertThat(ServiceFigureMath.availability(List.of(t("2026-11-06T00:00:00Z", UNAVAILABLE)), FROM, TO))
                .as("known only from the 6th: all of that down").isEqualTo(0.0);
    }

    @Test
    void p95IsTheNearestRank() {
        List<MetricPoint> hundred = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(ServiceFigureMathTest::point).toList());
        Collections.shuffle(hundred);
        assertThat(ServiceFigureMath.p95(hundred)).isEqualTo(95.0);
        assertThat(ServiceFigureMath.p95(List.of(point(42)))).isEqualTo(42.0);
        assertThat(ServiceFigureMath.p95(List.of(point(1), point(2), point(3)))).as("ceil(2.85) = 3rd").isEqualTo(3.0);
        assertThat(ServiceFigureMath.p95(List.of())).isNull();
    }

    @Test
    void heartbeatHoursOverTheSpansHours() {
        assertThat(ServiceFigureMath.heartbeatAvailability(120L, FROM, TO)).isEqualTo(0.5);
        assertThat(ServiceFigureMath.heartbeatAvailability(null, FROM, TO)).isNull();
        assertThat(ServiceFigureMath.heartbeatAvailability(3L, FROM, FROM.plusSeconds(5400)))
                .as("a span of 1.5 h has 2 hour bins").isEqualTo(1.0);
    }

    @Test
    void sumsPeaksAndRatesSayNoDataRatherThanZero() {
        assertThat(ServiceFigureMath.sum(List.of(point(1), point(2.5)))).isEqualTo(3.5);
        assertThat(ServiceFigureMath.peak(List.of(point(1), point(2.5)))).isEqualTo(2.5);
        assertThat(ServiceFigureMath.sum(List.of())).isNull();
        assertThat(ServiceFigureMath.peak(List.of())).isNull();
        assertThat(ServiceFigureMath.rate(3.0, 0.0)).isNull();
        assertThat(ServiceFigureMath.rate(null, 10.0)).isNull();
        assertThat(ServiceFigureMath.rate(0.0, 10.0)).isEqualTo(0.0);
    }

    private static AvailabilityTransition t(String at, AvailabilityTransition.State state) {
        return new AvailabilityTransition(Instant.parse(at), state);
    }

    private static MetricPoint point(double value) {
        return new MetricPoint(FROM, value);
    }
}
