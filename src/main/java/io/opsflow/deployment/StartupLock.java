package io.opsflow.deployment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises start-up work across the nodes of a cluster sharing one database, so two nodes
 * starting together do not both create the admin user or deploy the same models. It takes the row
 * lock Camunda itself uses for deployments; engine calls made inside join the same transaction.
 */
@Component
public class StartupLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    StartupLock(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void runExclusively(Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'deployment.lock' for update");
            work.run();
        });
    }
}
