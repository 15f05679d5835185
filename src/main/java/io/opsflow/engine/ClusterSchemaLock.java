package io.opsflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on an empty PostgreSQL database (docker/compose.yaml starts two at once)
 * would both create Camunda's schema, and one fails on the other's tables. While the engine is built,
 * which is when Camunda creates or updates its schema, this holds a PostgreSQL advisory lock, so the
 * second node waits and then finds the schema in place. H2 serves one node and needs no lock.
 */
@Component
class ClusterSchemaLock extends AbstractProcessEnginePlugin {

    /** Any constant shared by all nodes; "opsflow" in ASCII. */
    static final long LOCK_KEY = 0x6f7073666c6f77L;

    private static final Logger log = LoggerFactory.getLogger(ClusterSchemaLock.class);

    private final DataSource dataSource;
    private Connection held;

    ClusterSchemaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the schema lock that keeps nodes from creating the schema twice", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (held == null) {
            return;
        }
        // Closing the session also ends its advisory lock, should the unlock itself fail.
        try (Connection connection = held; Statement unlock = connection.createStatement()) {
            unlock.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the schema lock explicitly; it ends with its connection: {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
