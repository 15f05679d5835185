package io.opsflow.report;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * One per engine command: the projection's writes of that command, sent on the engine's own JDBC
 * connection when the command context flushes its sessions, i.e. in its transaction, before commit.
 */
final class ReportSession implements Session {

    private final ReportWrites writes = new ReportWrites();

    ReportWrites writes() {
        return writes;
    }

    @Override
    public void flush() {
        if (writes.isEmpty()) {
            return;
        }
        try {
            writes.flush(Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection());
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not write the reporting projection: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }

    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return ReportSession.class;
        }

        @Override
        public Session openSession() {
            return new ReportSession();
        }
    }
}
