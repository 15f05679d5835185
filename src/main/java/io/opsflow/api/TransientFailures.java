package io.opsflow.api;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a passing fault of the database (unreachable, restarting, pool exhausted, lock timeout,
 * deadlock) from a defect. A request that met one was rolled back whole, so its sender may simply
 * send it again: it is answered 503 with {@code Retry-After}, never 500, which senders treat as final.
 */
final class TransientFailures {

    /** Seconds a sender is asked to wait; a restarting database is usually back within that. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * SQLSTATE classes: 08 connection exception, 40 transaction rollback (deadlock, serialization),
     * 53 insufficient resources, 57 operator intervention (PostgreSQL shutting down), HYT timeout;
     * and H2's own codes for a broken connection or a closed database.
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57", "HY");
    private static final Set<Integer> H2_TRANSIENT_CODES = Set.of(90067, 90098, 90121, 50200);

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof PessimisticLockingFailureException || t instanceof OptimisticLockingException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        return (state != null && state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)))
                || H2_TRANSIENT_CODES.contains(sql.getErrorCode());
    }
}
