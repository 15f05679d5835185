package io.opsflow.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the projection: a customer's items that were open at some time in a period, with their facts. */
@Component
class ReportItems {

    private final JdbcTemplate jdbc;

    ReportItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ITEMS = "select process_instance_id, process_key, business_key, opened_at, closed_at, end_activity,"
            + " resolved_at, resolve_due_at, human_step_at from opsflow_report_item where customer_id = ? and ";
    private static final int CHUNK = 50;
    private static final String PLACEHOLDERS = String.join(",", Collections.nCopies(CHUNK, "?"));
    /** Typed, so that both databases know the parameters of a table of values are text. */
    private static final String NUMBER_VALUES = String.join(", ", Collections.nCopies(CHUNK, "(cast(? as varchar(" + ReportWrites.MAX_NUMBER + ")))"));
    /** Later than any close: with it, "closed since" is a two-sided range, which H2 reads from the closed_at index. */
    private static final Timestamp NEVER = Timestamp.valueOf("9999-12-31 00:00:00");

    /**
     * Items of the customer opened before {@code to} and not closed before {@code from}: those opened in
     * the period, and those opened before it and closed in or after it or still open. Three disjoint
     * range scans (V7 indexes), so the cost follows the period's items, not the customer's history.
     * Then the facts of just those items still open at {@code detailFrom}; the others come with their
     * summary only.
     */
    List<ReportItem> overlapping(String customerId, Instant from, Instant to, Instant detailFrom) {
        Timestamp start = Timestamp.from(from);
        Map<String, ReportItem.Builder> items = new LinkedHashMap<>();
        List<String> detailed = new ArrayList<>();
        jdbc.query(ITEMS + "opened_at >= ? and opened_at < ?"
                + " union all " + ITEMS + "closed_at >= ? and closed_at < ? and opened_at < ?"
                + " union all " + ITEMS + "closed_at is null and opened_at < ?", rs -> {
                    Instant closed = instant(rs.getTimestamp(5));
                    long due = rs.getLong(8);
                    // wasNull() speaks of the last column read: ask it right after resolve_due_at.
                    Long dueAt = rs.wasNull() ? null : due;
                    ReportItem.Builder item = new ReportItem.Builder(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                            closed, rs.getString(6)).summary(new ReportItem.Summary(instant(rs.getTimestamp(7)), dueAt, instant(rs.getTimestamp(9))));
                    items.put(item.id(), item);
                    if (closed == null || !closed.isBefore(detailFrom)) {
                        detailed.add(item.id());
                    }
                }, customerId, start, Timestamp.from(to), customerId, start, NEVER, start, customerId, start);
        // Separately and by the ids, not joined: a join let PostgreSQL's planner trade the index scans for
        // parallel full scans of the items.
        inChunks(detailed, ids -> jdbc.query("select process_instance_id, name, occurred_at, text_value, long_value"
                + " from opsflow_report_fact where process_instance_id in (" + PLACEHOLDERS + ")", rs -> {
                    long value = rs.getLong(5);
                    // wasNull() speaks of the last column read: ask it right after long_value.
                    Long number = rs.wasNull() ? null : value;
                    items.get(rs.getString(1)).add(rs.getString(2), new ReportItem.Fact(instant(rs.getTimestamp(3)), rs.getString(4), number));
                }, ids));
        return items.values().stream().map(ReportItem.Builder::build).toList();
    }

    /**
     * For each ServiceNow number, when an incident with it was first opened (before {@code before}): by
     * the number kept on incident items only (V7), so no process key is needed. The numbers come as a
     * table of values joined to the items, so each is an index lookup on (customer, number): with
     * {@code number in (…)} H2 used the index for the customer alone (it takes an IN list only on an
     * index's first column) and read every item of the customer per list.
     */
    Map<String, Instant> firstOpenedByNumber(String customerId, List<String> numbers, Instant before) {
        Map<String, Instant> first = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return first;
        }
        inChunks(numbers, chunk -> {
            List<Object> args = new ArrayList<>(List.of(chunk));
            args.add(customerId);
            args.add(Timestamp.from(before));
            jdbc.query("select v.n, min(i.opened_at) from (values " + NUMBER_VALUES + ") as v(n) join opsflow_report_item i"
                    + " on i.service_now_number = v.n where i.customer_id = ? and i.opened_at < ? group by v.n", rs -> {
                        first.put(rs.getString(1), instant(rs.getTimestamp(2)));
                    }, args.toArray());
        });
        return first;
    }

    /**
     * Runs a lookup for the values in lists of {@link #CHUNK}, the last padded with repeats of its last
     * value: one statement text for the drivers' statement caches, and a short IN list, because H2
     * checks each row it finds against the list by a linear search (with {@code = any(?)} against all
     * of a month's thousands of ids).
     */
    private static void inChunks(List<String> values, Consumer<Object[]> lookup) {
        for (int i = 0; i < values.size(); i += CHUNK) {
            Object[] chunk = new Object[CHUNK];
            for (int j = 0; j < CHUNK; j++) {
                chunk[j] = values.get(Math.min(i + j, values.size() - 1));
            }
            lookup.accept(chunk);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
