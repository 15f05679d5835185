package io.opsflow.outbound;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One H2 database with opsflow's migrations, as the nodes of a cluster share it: each
 * {@link #newNodeStore()} is a store of its own, as a second node would have.
 */
public final class SharedDatabase {

    private final DataSource dataSource;

    /** A new in-memory H2 database. */
    public SharedDatabase() {
        this(new DriverManagerDataSource("jdbc:h2:mem:destinations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** The database behind {@code dataSource}, migrated, without destination state from an earlier test. */
    public SharedDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        new JdbcTemplate(dataSource).update("delete from opsflow_destination_state");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DestinationStore newNodeStore() {
        return new JdbcDestinationStore(dataSource, new DataSourceTransactionManager(dataSource));
    }
}
