package io.opsflow.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A customer's month from the projection: one read of the month and the three before it (for the
 * trend; their items without facts, see {@link TrendFigures}), figures computed in memory. Months are calendar months in {@code opsflow.reports.time-zone}
 * (default Asia/Tokyo, where the MSP and its customers work).
 */
@Service
public class MonthlyReports {

    private final ReportItems items;
    private final ZoneId zone;
    private final Clock clock;
    /** The kept service figures ({@link ServiceFigureStore}); collected from Azure apart, never here. */
    private final BiFunction<String, YearMonth, MonthlyReport.Services> services;

    @Autowired
    MonthlyReports(ReportItems items, @Value("${opsflow.reports.time-zone:Asia/Tokyo}") ZoneId zone, ServiceFigureStore services) {
        this(items, zone, Clock.systemUTC(), services::read);
    }

    MonthlyReports(ReportItems items, ZoneId zone, Clock clock) {
        this(items, zone, clock, (customer, month) -> MonthlyReport.Services.NOT_COLLECTED);
    }

    MonthlyReports(ReportItems items, ZoneId zone, Clock clock, BiFunction<String, YearMonth, MonthlyReport.Services> services) {
        this.items = items;
        this.zone = zone;
        this.clock = clock;
        this.services = services;
    }

    public MonthlyReport of(String customerId, YearMonth month) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        List<ReportItem> all = items.overlapping(customerId, start(month.minusMonths(3)), to, from);
        Instant asOf = clock.instant();
        List<String> numbers = all.stream().filter(i -> ReportedFacts.INCIDENT.equals(i.processKey()))
                .filter(i -> IncidentFigures.within(i.openedAt(), from, to))
                .map(i -> i.text("serviceNowNumber")).flatMap(Optional::stream).distinct().toList();
        Map<String, Instant> firstByNumber = items.firstOpenedByNumber(customerId, numbers, to);
        List<MonthlyReport.Trend> trend = new ArrayList<>();
        for (int back = 3; back >= 0; back--) {
            YearMonth m = month.minusMonths(back);
            trend.add(TrendFigures.of(m, all, start(m), start(m.plusMonths(1)), asOf));
        }
        return new MonthlyReport(customerId, month, zone.getId(), asOf, IncidentFigures.of(all, from, to, asOf, firstByNumber),
                RequestFigures.of(all, from, to), MicrosoftTicketFigures.of(all, from, to), trend, services.apply(customerId, month));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
