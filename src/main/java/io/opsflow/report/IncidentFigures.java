package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Incident figures of one month (see {@link MonthlyReport.Incidents} for what each means). Times are
 * measured from the moment opsflow opened the incident; the durations are of the incidents opened in
 * the month, per priority and for all.
 */
final class IncidentFigures {

    static final String ACKNOWLEDGED = ReportedFacts.ended("UserTask_Triage");
    static final String CAUSE_IDENTIFIED = ReportedFacts.ended("EndEvent_CauseIdentified");
    static final List<String> SELF_HEALED = List.of(ReportedFacts.ended("ServiceTask_CloseSelfHealedIncident"),
            ReportedFacts.ended("EndEvent_SelfHealedRaised"));
    static final List<String> RESOLVED = List.of(ReportedFacts.ended("ServiceTask_ResolveServiceNowIncident"),
            ReportedFacts.ended("StartEvent_ServiceNowIncidentResolved"), SELF_HEALED.get(0), SELF_HEALED.get(1));
    static final String RESOLVE_DUE_AT = "resolveDueAt";
    static final String ALERT_UPDATE = ReportedFacts.ended("StartEvent_AlertUpdateReceived");
    static final String DIAGNOSED = ReportedFacts.ended("CallActivity_RunDiagnosticRunbook");
    static final String ALL = "all";
    /** An incident that gathered at least this many alerts was a storm. */
    static final int STORM = 10;
    private static final int TOP = 5;

    private IncidentFigures() {
    }

    static MonthlyReport.Incidents of(List<ReportItem> all, Instant from, Instant to, Instant asOf, Map<String, Instant> firstByNumber) {
        List<ReportItem> incidents = incidents(all);
        List<ReportItem> opened = opened(incidents, from, to);
        List<ReportItem> resolved = resolved(incidents, from, to);
        int openAtEnd = (int) incidents.stream().filter(i -> i.openedAt().isBefore(to)
                && resolvedAt(i).map(t -> !t.isBefore(to)).orElse(true)).count();

        List<MonthlyReport.SlaBreach> breaches = new ArrayList<>();
        List<MonthlyReport.SlaTarget> sla = List.of(
                sla("acknowledge", i -> i.number("acknowledgeDueAt"), i -> i.first(ACKNOWLEDGED), opened, asOf, breaches),
                sla("identifyCause", i -> i.number("identifyCauseDueAt"), i -> i.first(CAUSE_IDENTIFIED), opened, asOf, breaches),
                resolveSla(opened, asOf, breaches));
        breaches.sort(Comparator.comparing(MonthlyReport.SlaBreach::due).thenComparing(MonthlyReport.SlaBreach::processInstanceId)
                .thenComparing(MonthlyReport.SlaBreach::target));

        int reopened = (int) opened.stream().filter(i -> i.text("serviceNowNumber")
                .map(firstByNumber::get).filter(first -> first.isBefore(i.openedAt())).isPresent()).count();
        List<ReportItem> fromAlerts = opened.stream().filter(i -> i.text("source").filter(s -> !"servicenow".equals(s)).isPresent()).toList();
        List<Integer> alerts = fromAlerts.stream().map(i -> 1 + i.count(ALERT_UPDATE)).toList();
        MonthlyReport.Alerts alertFigures = new MonthlyReport.Alerts(alerts.stream().mapToInt(Integer::intValue).sum(),
                alerts.stream().mapToInt(Integer::intValue).max().orElse(0), (int) alerts.stream().filter(n -> n >= STORM).count());

        return new MonthlyReport.Incidents(opened.size(), resolved.size(), openAtEnd,
                counts(opened, i -> i.text("source").orElse("unknown")),
                counts(opened, i -> i.text("priority").orElse("unknown")),
                durations(opened, i -> i.first(ACKNOWLEDGED)),
                durations(opened, i -> i.first(CAUSE_IDENTIFIED)),
                durations(opened, IncidentFigures::resolvedAt),
                sla, breaches, reopened, alertFigures,
                MonthlyReport.Share.of((int) resolved.stream().filter(i -> i.firstOf(SELF_HEALED).isPresent()).count(), resolved.size()),
                MonthlyReport.Share.of((int) fromAlerts.stream().filter(i -> i.first(DIAGNOSED).isPresent()).count(), fromAlerts.size()),
                top(opened, i -> i.text("ruleName")), top(opened, i -> i.text("targetResource")));
    }

    static List<ReportItem> incidents(List<ReportItem> all) {
        return all.stream().filter(i -> ReportedFacts.INCIDENT.equals(i.processKey())).toList();
    }

    static List<ReportItem> opened(List<ReportItem> items, Instant from, Instant to) {
        return items.stream().filter(i -> within(i.openedAt(), from, to)).toList();
    }

    static List<ReportItem> resolved(List<ReportItem> incidents, Instant from, Instant to) {
        return incidents.stream().filter(i -> resolvedAt(i).filter(t -> within(t, from, to)).isPresent()).toList();
    }

    /** When it was resolved: the first way it got resolved (kept in its summary), else when its coordination ended. */
    static Optional<Instant> resolvedAt(ReportItem incident) {
        return Optional.ofNullable(incident.summary().resolved()).or(() -> Optional.ofNullable(incident.closedAt()));
    }

    /** From the summary only, so the trend can compute it for items read without their facts. */
    static MonthlyReport.SlaTarget resolveSla(List<ReportItem> opened, Instant asOf, List<MonthlyReport.SlaBreach> breaches) {
        return sla("resolve", i -> Optional.ofNullable(i.summary().resolveDueAt()), IncidentFigures::resolvedAt, opened, asOf, breaches);
    }

    static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static MonthlyReport.SlaTarget sla(String target, Function<ReportItem, Optional<Long>> dueOf,
                                               Function<ReportItem, Optional<Instant>> reached, List<ReportItem> opened, Instant asOf,
                                               List<MonthlyReport.SlaBreach> breaches) {
        int met = 0;
        int missed = 0;
        for (ReportItem incident : opened) {
            Optional<Long> due = dueOf.apply(incident);
            if (due.isEmpty()) {
                continue;
            }
            Instant dueAt = Instant.ofEpochMilli(due.get());
            Optional<Instant> at = reached.apply(incident);
            if (at.isPresent() && !at.get().isAfter(dueAt)) {
                met++;
            } else if (at.isPresent() || dueAt.isBefore(asOf)) {
                missed++;
                breaches.add(new MonthlyReport.SlaBreach(incident.businessKey(), incident.processInstanceId(),
                        incident.text("priority").orElse(null), target, dueAt, at.orElse(null)));
            }
        }
        return new MonthlyReport.SlaTarget(target, met, missed, met + missed == 0 ? null : (double) met / (met + missed));
    }

    private static Map<String, Durations> durations(List<ReportItem> opened, Function<ReportItem, Optional<Instant>> until) {
        Map<String, List<Duration>> byPriority = new TreeMap<>();
        for (ReportItem incident : opened) {
            until.apply(incident).ifPresent(t -> {
                Duration took = Duration.between(incident.openedAt(), t);
                byPriority.computeIfAbsent(incident.text("priority").orElse("unknown"), p -> new ArrayList<>()).add(took);
                byPriority.computeIfAbsent(ALL, p -> new ArrayList<>()).add(took);
            });
        }
        Map<String, Durations> figures = new LinkedHashMap<>();
        byPriority.forEach((priority, values) -> figures.put(priority, Durations.of(values)));
        return figures;
    }

    static Map<String, Integer> counts(List<ReportItem> items, Function<ReportItem, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingInt(i -> 1)));
    }

    private static List<MonthlyReport.Ranked> top(List<ReportItem> opened, Function<ReportItem, Optional<String>> key) {
        return opened.stream().map(key).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.summingInt(v -> 1)))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new MonthlyReport.Ranked(e.getKey(), e.getValue())).toList();
    }
}
