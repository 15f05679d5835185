package io.opsflow.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reported process instance with its facts, as the figures read it, and its {@link Summary}. An
 * item read only for the trend comes without facts: the summary is all the trend needs.
 */
record ReportItem(String processInstanceId, String processKey, String businessKey, Instant openedAt, Instant closedAt,
                  String endActivity, Map<String, List<Fact>> facts, Summary summary) {

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
        if (summary == null) {
            summary = Summary.of(facts);
        }
    }

    /** An item whose summary comes from its facts (history read naively, tests). */
    ReportItem(String processInstanceId, String processKey, String businessKey, Instant openedAt, Instant closedAt,
               String endActivity, Map<String, List<Fact>> facts) {
        this(processInstanceId, processKey, businessKey, openedAt, closedAt, endActivity, facts, null);
    }

    /** A step (time only) or a variable as set at that time. */
    record Fact(Instant at, String text, Long number) {
    }

    /**
     * The facts the trend reads, kept on the item row as well (V10) so that the three months before a
     * report are read without their facts.
     *
     * @param resolved     the first of the incident's resolution steps ({@link IncidentFigures#RESOLVED})
     * @param resolveDueAt the incident's latest {@code resolveDueAt} (epoch milliseconds)
     * @param humanStep    the first human step of a request ({@link RequestFigures#HUMAN_STEPS})
     */
    record Summary(Instant resolved, Long resolveDueAt, Instant humanStep) {

        /** From the facts, ordered by time, as the projection's writes keep it. */
        static Summary of(Map<String, List<Fact>> facts) {
            return new Summary(firstOf(facts, IncidentFigures.RESOLVED).orElse(null),
                    latest(facts, IncidentFigures.RESOLVE_DUE_AT).map(Fact::number).orElse(null),
                    firstOf(facts, RequestFigures.HUMAN_STEPS).orElse(null));
        }
    }

    /** When the step first happened. */
    Optional<Instant> first(String name) {
        return first(facts, name);
    }

    /** The first of several steps, e.g. the ways an incident gets resolved. */
    Optional<Instant> firstOf(List<String> names) {
        return firstOf(facts, names);
    }

    int count(String name) {
        return facts.getOrDefault(name, List.of()).size();
    }

    /** The variable's latest text value. */
    Optional<String> text(String name) {
        return latest(facts, name).map(Fact::text);
    }

    /** The variable's latest number (dates as epoch milliseconds, booleans as 1/0). */
    Optional<Long> number(String name) {
        return latest(facts, name).map(Fact::number);
    }

    /** When the variable was first set to that number, e.g. microsoftResponded to true (1). */
    Optional<Instant> firstSet(String name, long value) {
        return facts.getOrDefault(name, List.of()).stream().filter(f -> f.number() != null && f.number() == value)
                .map(Fact::at).findFirst();
    }

    boolean openAt(Instant when) {
        return openedAt.isBefore(when) && (closedAt == null || !closedAt.isBefore(when));
    }

    private static Optional<Instant> first(Map<String, List<Fact>> facts, String name) {
        List<Fact> all = facts.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).at());
    }

    private static Optional<Instant> firstOf(Map<String, List<Fact>> facts, List<String> names) {
        return names.stream().map(name -> first(facts, name)).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    private static Optional<Fact> latest(Map<String, List<Fact>> facts, String name) {
        List<Fact> all = facts.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Collects an item fact by fact, as the projection is read (and as tests write one). */
    static final class Builder {
        private final String id;
        private final String key;
        private final String businessKey;
        private final Instant opened;
        private final Instant closed;
        private final String end;
        private final Map<String, List<Fact>> facts = new LinkedHashMap<>();
        private Summary summary;

        Builder(String id, String key, String businessKey, Instant opened, Instant closed, String end) {
            this.id = id;
            this.key = key;
            this.businessKey = businessKey;
            this.opened = opened;
            this.closed = closed;
            this.end = end;
        }

        String id() {
            return id;
        }

        Builder add(String name, Fact fact) {
            facts.computeIfAbsent(name, n -> new ArrayList<>()).add(fact);
            return this;
        }

        /** The summary as kept on the item row; without one, it is derived from the facts added. */
        Builder summary(Summary kept) {
            this.summary = kept;
            return this;
        }

        ReportItem build() {
            return new ReportItem(id, key, businessKey, opened, closed, end, facts, summary);
        }
    }
}
