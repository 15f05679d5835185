package io.opsflow.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The state of destinations in {@code opsflow_destination_state} (migration V4), shared by every node
 * on the database. Read at each call (one primary-key read next to an HTTP call), so a hold written
 * by one node is honoured by the next call of any other. Times are epoch milliseconds: no time zone
 * of H2 or PostgreSQL gets a say.
 *
 * <p>Each write is its own transaction ({@code REQUIRES_NEW}), committed before the failing call's
 * job rolls back. A row is written by update first and inserted only when missing; two nodes
 * inserting the same row at once meet at the primary key, and the loser updates.
 */
public final class JdbcDestinationStore implements DestinationStore {

    private static final String COLUMNS = "held_until, held_status, held_body, gone_since, gone_reason, gone_status, gone_body";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcDestinationStore(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<DestinationState> read(String key) {
        return jdbc.query("select " + COLUMNS + " from opsflow_destination_state where destination_key = ?",
                (rs, n) -> new DestinationState(instant(rs.getObject("held_until", Long.class)), rs.getInt("held_status"),
                        rs.getString("held_body"), instant(rs.getObject("gone_since", Long.class)),
                        rs.getString("gone_reason"), rs.getInt("gone_status"), rs.getString("gone_body")),
                key).stream().findFirst();
    }

    @Override
    public void hold(Destination destination, Instant until, int status, String body) {
        String shortBody = DestinationState.shorten(body);
        write(destination,
                () -> jdbc.update("update opsflow_destination_state set held_until = ?, held_status = ?, held_body = ?"
                        + " where destination_key = ? and (held_until is null or held_until < ?)",
                        until.toEpochMilli(), status, shortBody, destination.key(), until.toEpochMilli()),
                () -> jdbc.update("insert into opsflow_destination_state (destination_key, target_system, owner_id, name,"
                        + " held_until, held_status, held_body) values (?, ?, ?, ?, ?, ?, ?)", destination.key(),
                        destination.system(), destination.owner(), destination.name(), until.toEpochMilli(), status,
                        shortBody));
    }

    @Override
    public boolean markGone(Destination destination, Instant since, String reason, int status, String body) {
        String shortBody = DestinationState.shorten(body);
        return write(destination,
                () -> jdbc.update("update opsflow_destination_state set gone_since = ?, gone_reason = ?, gone_status = ?,"
                        + " gone_body = ? where destination_key = ? and gone_since is null",
                        since.toEpochMilli(), reason, status, shortBody, destination.key()),
                () -> jdbc.update("insert into opsflow_destination_state (destination_key, target_system, owner_id, name,"
                        + " gone_since, gone_reason, gone_status, gone_body) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        destination.key(), destination.system(), destination.owner(), destination.name(),
                        since.toEpochMilli(), reason, status, shortBody));
    }

    @Override
    public List<String> clearGone(String owner) {
        return ownTransaction.execute(tx -> {
            List<String> gone = jdbc.queryForList("select name from opsflow_destination_state"
                    + " where owner_id = ? and gone_since is not null", String.class, owner);
            jdbc.update("update opsflow_destination_state set gone_since = null, gone_reason = null, gone_status = null,"
                    + " gone_body = null where owner_id = ? and gone_since is not null", owner);
            return gone;
        });
    }

    /** Runs {@code update}; when no row changed, inserts; when the row turned out to exist, updates again. True if a row changed. */
    private boolean write(Destination destination, Statement update, Statement insert) {
        if (ownTransaction.execute(tx -> update.run()) > 0) {
            return true;
        }
        if (read(destination.key()).isPresent()) {
            return false;
        }
        try {
            return ownTransaction.execute(tx -> insert.run()) > 0;
        } catch (DuplicateKeyException e) {
            return ownTransaction.execute(tx -> update.run()) > 0;
        }
    }

    @FunctionalInterface
    private interface Statement {
        int run();
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
