package io.opsflow.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The naive way the benchmark compares against: the same items read at report time from Camunda's
 * history tables (ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_DETAIL) with their own indexes, instead of
 * the projection, all with their facts. Gives the same figures, so the benchmark also checks the
 * projection against it.
 */
class HistoryReportItems extends ReportItems {

    private static final String KEYS = ReportRebuild.quoted(List.copyOf(ReportedFacts.PROCESS_KEYS));
    private static final String WINDOW = " p.TENANT_ID_ = ? and p.PROC_DEF_KEY_ in (" + KEYS + ") and p.START_TIME_ < ?"
            + " and (p.END_TIME_ is null or p.END_TIME_ >= ?)";

    private final JdbcTemplate jdbc;

    HistoryReportItems(JdbcTemplate jdbc) {
        super(jdbc);
        this.jdbc = jdbc;
    }

    @Override
    List<ReportItem> overlapping(String customerId, Instant from, Instant to, Instant detailFrom) {
        Object[] window = {customerId, Timestamp.from(to), Timestamp.from(from)};
        Map<String, Object[]> instances = new LinkedHashMap<>();
        Map<String, Map<String, List<ReportItem.Fact>>> facts = new LinkedHashMap<>();
        jdbc.query("select p.ID_, p.PROC_DEF_KEY_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.END_ACT_ID_ from ACT_HI_PROCINST p where"
                + WINDOW, rs -> {
                    instances.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                            instant(rs.getTimestamp(5)), rs.getString(6)});
                    facts.put(rs.getString(1), new LinkedHashMap<>());
                }, window);
        jdbc.query("select a.PROC_INST_ID_, a.PROC_DEF_KEY_, a.ACT_ID_, a.START_TIME_, a.END_TIME_, a.ACT_INST_STATE_ from ACT_HI_ACTINST a"
                + " join ACT_HI_PROCINST p on p.ID_ = a.PROC_INST_ID_ where" + WINDOW, rs -> {
                    String key = rs.getString(2);
                    String activity = rs.getString(3);
                    Map<String, List<ReportItem.Fact>> of = facts.get(rs.getString(1));
                    if (ReportedFacts.isStarted(key, activity)) {
                        add(of, ReportedFacts.started(activity), new ReportItem.Fact(instant(rs.getTimestamp(4)), null, null));
                    }
                    if (ReportedFacts.isEnded(key, activity) && rs.getTimestamp(5) != null && rs.getInt(6) != 2) {
                        add(of, ReportedFacts.ended(activity), new ReportItem.Fact(instant(rs.getTimestamp(5)), null, null));
                    }
                }, window);
        jdbc.query("select d.PROC_INST_ID_, d.PROC_DEF_KEY_, d.NAME_, d.TIME_, d.TEXT_, d.LONG_ from ACT_HI_DETAIL d"
                + " join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_ where d.TYPE_ = 'VariableUpdate' and" + WINDOW, rs -> {
                    if (ReportedFacts.isVariable(rs.getString(2), rs.getString(3))) {
                        long value = rs.getLong(6);
                        Long number = rs.wasNull() ? null : value;
                        add(facts.get(rs.getString(1)), rs.getString(3), new ReportItem.Fact(instant(rs.getTimestamp(4)), rs.getString(5),
                                number));
                    }
                }, window);
        List<ReportItem> items = new ArrayList<>();
        instances.forEach((id, i) -> items.add(new ReportItem(id, (String) i[0], (String) i[1], (Instant) i[2], (Instant) i[3],
                (String) i[4], facts.get(id))));
        return items;
    }

    @Override
    Map<String, Instant> firstOpenedByNumber(String customerId, List<String> numbers, Instant before) {
        Map<String, Instant> first = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return first;
        }
        List<Object> args = new ArrayList<>(List.of(customerId, ReportedFacts.INCIDENT, Timestamp.from(before)));
        args.addAll(numbers);
        jdbc.query("select d.TEXT_, min(p.START_TIME_) from ACT_HI_DETAIL d join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_"
                + " where p.TENANT_ID_ = ? and p.PROC_DEF_KEY_ = ? and p.START_TIME_ < ? and d.TYPE_ = 'VariableUpdate'"
                + " and d.NAME_ = 'serviceNowNumber' and d.TEXT_ in (" + numbers.stream().map(n -> "?").collect(Collectors.joining(","))
                + ") group by d.TEXT_", rs -> {
                    first.put(rs.getString(1), instant(rs.getTimestamp(2)));
                }, args.toArray());
        return first;
    }

    private static void add(Map<String, List<ReportItem.Fact>> facts, String name, ReportItem.Fact fact) {
        facts.computeIfAbsent(name, n -> new ArrayList<>()).add(fact);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
