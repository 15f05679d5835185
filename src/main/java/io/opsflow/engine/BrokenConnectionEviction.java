package io.opsflow.engine;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Makes the pool drop a connection that H2 reports broken. Hikari evicts a connection on SQLSTATE
 * class 08 (what PostgreSQL sends when its server restarts), but H2's server mode reports a lost
 * server with its own codes, and the pool would hand the dead connection out again and again: every
 * webhook after an H2 server restart failed until opsflow itself was restarted.
 */
public class BrokenConnectionEviction implements SQLExceptionOverride {

    /** H2: connection broken, database closed, database closed at shutdown. */
    private static final Set<Integer> H2_BROKEN = Set.of(90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return H2_BROKEN.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
