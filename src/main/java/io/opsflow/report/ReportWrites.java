package io.opsflow.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The projection's writes of one transaction, kept in order and sent on the engine's own connection
 * just before it commits: a report row exists exactly when the history it comes from does.
 */
final class ReportWrites {

    private static final String OPEN = "insert into opsflow_report_item (process_instance_id, customer_id, process_key, business_key,"
            + " opened_at) values (?, ?, ?, ?, ?)";
    private static final String CLOSE = "update opsflow_report_item set closed_at = ?, end_activity = ? where process_instance_id = ?";
    private static final String BUSINESS_KEY = "update opsflow_report_item set business_key = ? where process_instance_id = ?";
    private static final String FACT = "insert into opsflow_report_fact (process_instance_id, name, occurred_at, text_value, long_value)"
            + " values (?, ?, ?, ?, ?)";
    static final int MAX_TEXT = 4000;
    /** The width of opsflow_report_item.service_now_number (V7); a longer value is no ServiceNow number. */
    static final int MAX_NUMBER = 255;
    private static final String NUMBER = "update opsflow_report_item set service_now_number = ? where process_instance_id = ?";
    // The item's summary (V10): the first resolution / human step, the latest resolveDueAt.
    private static final String RESOLVED = "update opsflow_report_item set resolved_at = ? where process_instance_id = ?"
            + " and (resolved_at is null or resolved_at > ?)";
    private static final String HUMAN_STEP = "update opsflow_report_item set human_step_at = ? where process_instance_id = ?"
            + " and (human_step_at is null or human_step_at > ?)";
    private static final String RESOLVE_DUE = "update opsflow_report_item set resolve_due_at = ?, resolve_due_set_at = ?"
            + " where process_instance_id = ? and (resolve_due_set_at is null or resolve_due_set_at <= ?)";

    private record Write(String sql, Binder binder) {
    }

    private final List<Write> writes = new ArrayList<>();

    void open(String processInstanceId, String customerId, String processKey, String businessKey, Date openedAt) {
        add(OPEN, s -> {
            s.setString(1, processInstanceId);
            s.setString(2, customerId);
            s.setString(3, processKey);
            s.setString(4, businessKey);
            s.setTimestamp(5, new Timestamp(openedAt.getTime()));
        });
    }

    void close(String processInstanceId, Date closedAt, String endActivity) {
        add(CLOSE, s -> {
            s.setTimestamp(1, new Timestamp(closedAt.getTime()));
            s.setString(2, endActivity);
            s.setString(3, processInstanceId);
        });
    }

    void businessKey(String processInstanceId, String businessKey) {
        add(BUSINESS_KEY, s -> {
            s.setString(1, businessKey);
            s.setString(2, processInstanceId);
        });
    }

    void serviceNowNumber(String processInstanceId, String number) {
        add(NUMBER, s -> {
            s.setString(1, number);
            s.setString(2, processInstanceId);
        });
    }

    /** Inserts the fact, and keeps the item's summary ({@link ReportItem.Summary}) up to date with it. */
    void fact(String processInstanceId, String name, Date at, String text, Long number) {
        Timestamp time = new Timestamp(at.getTime());
        if (IncidentFigures.RESOLVED.contains(name)) {
            add(RESOLVED, s -> first(s, processInstanceId, time));
        } else if (RequestFigures.HUMAN_STEPS.contains(name)) {
            add(HUMAN_STEP, s -> first(s, processInstanceId, time));
        } else if (IncidentFigures.RESOLVE_DUE_AT.equals(name)) {
            add(RESOLVE_DUE, s -> {
                setLong(s, 1, number);
                s.setTimestamp(2, time);
                s.setString(3, processInstanceId);
                s.setTimestamp(4, time);
            });
        }
        add(FACT, s -> {
            s.setString(1, processInstanceId);
            s.setString(2, name);
            s.setTimestamp(3, time);
            s.setString(4, text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT));
            setLong(s, 5, number);
        });
    }

    private static void first(PreparedStatement s, String processInstanceId, Timestamp time) throws SQLException {
        s.setTimestamp(1, time);
        s.setString(2, processInstanceId);
        s.setTimestamp(3, time);
    }

    private static void setLong(PreparedStatement s, int index, Long number) throws SQLException {
        if (number == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, number);
        }
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Sends the writes in order; consecutive ones of the same statement go as one batch. */
    void flush(Connection connection) throws SQLException {
        int i = 0;
        while (i < writes.size()) {
            String sql = writes.get(i).sql();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                while (i < writes.size() && writes.get(i).sql().equals(sql)) {
                    writes.get(i).binder().bind(statement);
                    statement.addBatch();
                    i++;
                }
                statement.executeBatch();
            }
        }
        writes.clear();
    }

    private void add(String sql, Binder binder) {
        writes.add(new Write(sql, binder));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
