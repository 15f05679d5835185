package io.opsflow.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the projection: a customer's items that were open at some time in a period, with their facts. */
@Component
class ReportItems {

    private final JdbcTemplate jdbc;

    ReportItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Items of the customer opened before {@code to} and not closed before {@code from}. */
    List<ReportItem> overlapping(String customerId, Instant from, Instant to) {
        Map<String, Builder> items = new LinkedHashMap<>();
        jdbc.query("select i.process_instance_id, i.process_key, i.business_key, i.opened_at, i.closed_at, i.end_activity,"
                + " f.name, f.occurred_at, f.text_value, f.long_value from opsflow_report_item i"
                + " left join opsflow_report_fact f on f.process_instance_id = i.process_instance_id"
                + " where i.customer_id = ? and i.opened_at < ? and (i.closed_at is null or i.closed_at >= ?)", rs -> {
                    Builder item = items.get(rs.getString(1));
                    if (item == null) {
                        item = new Builder(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                                instant(rs.getTimestamp(5)), rs.getString(6));
                        items.put(item.id, item);
                    }
                    if (rs.getString(7) != null) {
                        long value = rs.getLong(10);
                        // wasNull() speaks of the last column read: ask it right after long_value.
                        Long number = rs.wasNull() ? null : value;
                        item.facts.computeIfAbsent(rs.getString(7), n -> new ArrayList<>()).add(new ReportItem.Fact(
                                instant(rs.getTimestamp(8)), rs.getString(9), number));
                    }
                }, customerId, Timestamp.from(to), Timestamp.from(from));
        return items.values().stream().map(Builder::build).toList();
    }

    /** For each ServiceNow number, when an incident with it was first opened (before {@code before}). */
    Map<String, Instant> firstOpenedByNumber(String customerId, List<String> numbers, Instant before) {
        Map<String, Instant> first = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return first;
        }
        String in = String.join(",", numbers.stream().map(n -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(customerId, ReportedFacts.INCIDENT, Timestamp.from(before)));
        args.addAll(numbers);
        jdbc.query("select f.text_value, min(i.opened_at) from opsflow_report_fact f join opsflow_report_item i"
                + " on i.process_instance_id = f.process_instance_id where i.customer_id = ? and i.process_key = ?"
                + " and i.opened_at < ? and f.name = 'serviceNowNumber' and f.text_value in (" + in + ") group by f.text_value",
                rs -> {
                    first.put(rs.getString(1), instant(rs.getTimestamp(2)));
                }, args.toArray());
        return first;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final class Builder {
        final String id;
        final String key;
        final String businessKey;
        final Instant opened;
        final Instant closed;
        final String end;
        final Map<String, List<ReportItem.Fact>> facts = new LinkedHashMap<>();

        Builder(String id, String key, String businessKey, Instant opened, Instant closed, String end) {
            this.id = id;
            this.key = key;
            this.businessKey = businessKey;
            this.opened = opened;
            this.closed = closed;
            this.end = end;
        }

        ReportItem build() {
            return new ReportItem(id, key, businessKey, opened, closed, end, facts);
        }
    }
}
