package io.opsflow.outbound;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** {@link JdbcDestinationStoreTest} on PostgreSQL, the production database: migration V4 and the statements. */
class JdbcDestinationStorePostgresTest extends JdbcDestinationStoreTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    SharedDatabase database() {
        return new SharedDatabase(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres")));
    }
}
