package io.opsflow.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Random;

import javax.sql.DataSource;

/**
 * Writes Camunda history as the reported processes leave it (ACT_HI_PROCINST, ACT_HI_ACTINST and the
 * variable updates of ACT_HI_DETAIL), straight into the tables, for the report benchmark: a million
 * instances through the engine would take hours. Deterministic (seeded): the same arguments give
 * the same history. 70 % incidents, 25 % service requests, 5 % Microsoft tickets, spread evenly over
 * customers {@code c00…} and the months ending with {@code lastMonth}.
 */
final class ReportHistoryGenerator {

    private static final String[] PRIORITIES = {"P1", "P2", "P2", "P3", "P3", "P3", "P4"};
    private static final String[] SOURCES = {"azure-monitor", "azure-monitor", "zabbix", "servicenow"};
    private static final String[] ITEMS = {"VM 再起動", "VM サイズ変更", "NSG ルール追加", "SQL スケール変更", "App Service 再起動", "オペレーター追加"};
    private static final int BATCH = 2_000;

    private final int customers;
    private final int months;
    private final YearMonth lastMonth;
    private final ZoneId zone;
    private final Random random = new Random(20261201);

    ReportHistoryGenerator(int customers, int months, YearMonth lastMonth, ZoneId zone) {
        this.customers = customers;
        this.months = months;
        this.lastMonth = lastMonth;
        this.zone = zone;
    }

    static String customer(int index) {
        return String.format("c%02d", index);
    }

    void generate(DataSource dataSource, int instances) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Rows rows = new Rows(connection)) {
                for (int i = 0; i < instances; i++) {
                    String customer = customer(i % customers);
                    YearMonth month = lastMonth.minusMonths((i / customers) % months);
                    Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
                    long minutes = Duration.between(monthStart, month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).toMinutes();
                    Instant opened = monthStart.plus(Duration.ofMinutes(random.nextInt((int) minutes)));
                    String id = "gen-" + i;
                    int kind = i % 20;
                    if (kind < 14) {
                        incident(rows, id, customer, opened);
                    } else if (kind < 19) {
                        request(rows, id, customer, opened);
                    } else {
                        ticket(rows, id, customer, opened);
                    }
                    if (i % BATCH == BATCH - 1) {
                        rows.flush();
                        connection.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.out.printf("generated %,d instances%n", i + 1);
                    }
                }
                rows.flush();
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void incident(Rows rows, String id, String customer, Instant opened) throws SQLException {
        String key = ReportedFacts.INCIDENT;
        boolean healed = random.nextInt(10) == 0;
        Instant resolved = healed ? opened.plus(minutes(5, 30)) : opened.plus(minutes(30, 900));
        Instant closed = random.nextInt(50) == 0 ? null : resolved.plus(Duration.ofHours(1));
        rows.instance(id, customer, key, "INC" + id.substring(4), opened, closed, closed == null ? null : "EndEvent_IncidentClosed");
        rows.text(id, customer, key, "source", opened, SOURCES[random.nextInt(SOURCES.length)]);
        rows.text(id, customer, key, "priority", opened, PRIORITIES[random.nextInt(PRIORITIES.length)]);
        rows.text(id, customer, key, "ruleName", opened, "rule-" + random.nextInt(30));
        rows.text(id, customer, key, "targetResource", opened, "/subscriptions/s-" + customer + "/vm-" + random.nextInt(50));
        rows.text(id, customer, key, "serviceNowNumber", opened, "INC" + id.substring(4));
        rows.number(id, customer, key, "acknowledgeDueAt", opened, opened.plus(Duration.ofMinutes(15)).toEpochMilli());
        rows.number(id, customer, key, "identifyCauseDueAt", opened, opened.plus(Duration.ofHours(1)).toEpochMilli());
        rows.number(id, customer, key, "resolveDueAt", opened, opened.plus(Duration.ofHours(8)).toEpochMilli());
        if (healed) {
            rows.step(id, customer, key, "EndEvent_SelfHealedRaised", resolved, resolved);
            return;
        }
        Instant triaged = opened.plus(minutes(1, 30));
        rows.step(id, customer, key, "UserTask_Triage", opened, triaged);
        rows.step(id, customer, key, "EndEvent_CauseIdentified", triaged, triaged.plus(minutes(1, 120)));
        rows.step(id, customer, key, "ServiceTask_ResolveServiceNowIncident", resolved, resolved);
        if (random.nextInt(5) != 0) {
            rows.step(id, customer, key, "CallActivity_RunDiagnosticRunbook", opened, opened.plus(minutes(1, 5)));
        }
        int alerts = random.nextInt(50) == 0 ? 15 : random.nextInt(3);
        for (int a = 0; a < alerts; a++) {
            Instant at = opened.plus(minutes(1, 60));
            rows.step(id, customer, key, "StartEvent_AlertUpdateReceived", at, at);
        }
    }

    private void request(Rows rows, String id, String customer, Instant opened) throws SQLException {
        String key = ReportedFacts.REQUEST;
        int outcome = random.nextInt(10);
        String end = outcome < 8 ? "EndEvent_RequestFulfilled" : outcome == 8 ? "EndEvent_FulfilledByHand" : "EndEvent_RequestRejected";
        Instant closed = opened.plus(minutes(10, 3000));
        rows.instance(id, customer, key, "RITM" + id.substring(4), opened, closed, end);
        rows.text(id, customer, key, "catItemName", opened, ITEMS[random.nextInt(ITEMS.length)]);
        if (random.nextBoolean()) {
            rows.step(id, customer, key, "UserTask_ApproveRequest", opened.plus(Duration.ofMinutes(1)), opened.plus(minutes(5, 600)));
        }
    }

    private void ticket(Rows rows, String id, String customer, Instant opened) throws SQLException {
        String key = ReportedFacts.MICROSOFT_TICKET;
        rows.instance(id, customer, key, "opsflow-" + id, opened, opened.plus(minutes(600, 20000)), "EndEvent_RelayEnded");
        rows.number(id, customer, key, "microsoftResponded", opened, 0);
        rows.number(id, customer, key, "microsoftResponded", opened.plus(minutes(10, 480)), 1);
    }

    private Duration minutes(int from, int to) {
        return Duration.ofMinutes(from + random.nextInt(to - from + 1));
    }

    /** Batched inserts into the three history tables. */
    private static final class Rows implements AutoCloseable {
        private final PreparedStatement instances;
        private final PreparedStatement activities;
        private final PreparedStatement details;
        private long sequence;

        Rows(Connection connection) throws SQLException {
            instances = connection.prepareStatement("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_,"
                    + " PROC_DEF_ID_, START_TIME_, END_TIME_, END_ACT_ID_, TENANT_ID_, STATE_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            activities = connection.prepareStatement("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, TENANT_ID_)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
            details = connection.prepareStatement("insert into ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, PROC_DEF_KEY_, PROC_INST_ID_,"
                    + " VAR_TYPE_, TEXT_, LONG_, TENANT_ID_) values (?, 'VariableUpdate', ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void instance(String id, String customer, String key, String businessKey, Instant opened, Instant closed, String end)
                throws SQLException {
            instances.setString(1, id);
            instances.setString(2, id);
            instances.setString(3, businessKey);
            instances.setString(4, key);
            instances.setString(5, key + ":1:gen");
            instances.setTimestamp(6, Timestamp.from(opened));
            instances.setTimestamp(7, closed == null ? null : Timestamp.from(closed));
            instances.setString(8, end);
            instances.setString(9, customer);
            instances.setString(10, closed == null ? "ACTIVE" : "COMPLETED");
            instances.addBatch();
        }

        void step(String id, String customer, String key, String activity, Instant start, Instant end) throws SQLException {
            activities.setString(1, id + "-a" + sequence++);
            activities.setString(2, key);
            activities.setString(3, key + ":1:gen");
            activities.setString(4, id);
            activities.setString(5, id);
            activities.setString(6, activity);
            activities.setString(7, "task");
            activities.setTimestamp(8, Timestamp.from(start));
            activities.setTimestamp(9, Timestamp.from(end));
            activities.setString(10, customer);
            activities.addBatch();
        }

        void text(String id, String customer, String key, String name, Instant at, String value) throws SQLException {
            detail(id, customer, key, name, at, "string", value, null);
        }

        void number(String id, String customer, String key, String name, Instant at, long value) throws SQLException {
            detail(id, customer, key, name, at, "long", null, value);
        }

        private void detail(String id, String customer, String key, String name, Instant at, String type, String text, Long number)
                throws SQLException {
            details.setString(1, id + "-d" + sequence++);
            details.setTimestamp(2, Timestamp.from(at));
            details.setString(3, name);
            details.setString(4, key);
            details.setString(5, id);
            details.setString(6, type);
            details.setString(7, text);
            if (number == null) {
                details.setNull(8, java.sql.Types.BIGINT);
            } else {
                details.setLong(8, number);
            }
            details.setString(9, customer);
            details.addBatch();
        }

        void flush() throws SQLException {
            instances.executeBatch();
            activities.executeBatch();
            details.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            instances.close();
            activities.close();
            details.close();
        }
    }
}
