package io.opsflow.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One reported process instance with its facts, as the figures read it. */
record ReportItem(String processInstanceId, String processKey, String businessKey, Instant openedAt, Instant closedAt,
                  String endActivity, Map<String, List<Fact>> facts) {

    /**
     * Each fact's list ordered by time once here (stable: same-time facts keep the order they were
     * written in), because the figures ask every item for its first and latest facts many times.
     */
    ReportItem {
        Map<String, List<Fact>> sorted = new LinkedHashMap<>();
        facts.forEach((name, list) -> {
            List<Fact> copy = new ArrayList<>(list);
            copy.sort(Comparator.comparing(Fact::at));
            sorted.put(name, List.copyOf(copy));
        });
        facts = Collections.unmodifiableMap(sorted);
    }

    /** A step (time only) or a variable as set at that time. */
    record Fact(Instant at, String text, Long number) {
    }

    /** When the step first happened. */
    Optional<Instant> first(String name) {
        List<Fact> all = facts.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).at());
    }

    /** The first of several steps, e.g. the ways an incident gets resolved. */
    Optional<Instant> firstOf(List<String> names) {
        return names.stream().map(this::first).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    int count(String name) {
        return facts.getOrDefault(name, List.of()).size();
    }

    /** The variable's latest text value. */
    Optional<String> text(String name) {
        return latest(name).map(Fact::text);
    }

    /** The variable's latest number (dates as epoch milliseconds, booleans as 1/0). */
    Optional<Long> number(String name) {
        return latest(name).map(Fact::number);
    }

    /** When the variable was first set to that number, e.g. microsoftResponded to true (1). */
    Optional<Instant> firstSet(String name, long value) {
        return facts.getOrDefault(name, List.of()).stream().filter(f -> f.number() != null && f.number() == value)
                .map(Fact::at).findFirst();
    }

    boolean openAt(Instant when) {
        return openedAt.isBefore(when) && (closedAt == null || !closedAt.isBefore(when));
    }

    private Optional<Fact> latest(String name) {
        List<Fact> all = facts.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
