package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trend's headline figures of one month ({@link MonthlyReport.Trend}), computed from the items'
 * summaries and times only: the three months before a report are read without their facts, which
 * would be three quarters of the read.
 */
final class TrendFigures {

    private TrendFigures() {
    }

    static MonthlyReport.Trend of(YearMonth month, List<ReportItem> all, Instant from, Instant to, Instant asOf) {
        List<ReportItem> incidents = IncidentFigures.incidents(all);
        List<ReportItem> opened = IncidentFigures.opened(incidents, from, to);
        List<Duration> resolve = opened.stream()
                .map(i -> IncidentFigures.resolvedAt(i).map(t -> Duration.between(i.openedAt(), t))).flatMap(Optional::stream).toList();
        List<ReportItem> requests = RequestFigures.requests(all);
        return new MonthlyReport.Trend(month, opened.size(), IncidentFigures.resolved(incidents, from, to).size(),
                Durations.of(resolve).median(),
                IncidentFigures.resolveSla(opened, asOf, new ArrayList<>()).compliance(),
                IncidentFigures.opened(requests, from, to).size(), RequestFigures.automation(RequestFigures.closed(requests, from, to)).rate());
    }
}
