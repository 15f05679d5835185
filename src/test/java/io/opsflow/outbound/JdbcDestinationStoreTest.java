package io.opsflow.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes' stores on one database (migration V4): what one writes, the other reads. */
class JdbcDestinationStoreTest {

    private static final String SECRET_URL = "https://hooks.slack.test/services/T1/B2/s3cretWebhookToken4711";
    private static final Instant T0 = Instant.parse("2026-11-24T01:58:00Z");

    private final SharedDatabase database = database();
    private final DestinationStore nodeA = database.newNodeStore();
    private final DestinationStore nodeB = database.newNodeStore();
    private final Destination webhook = Destination.secret("Slack", "acme", "webhook OPSFLOW_SLACK_ACME_WEBHOOK",
            URI.create(SECRET_URL));

    /** H2, the default database; {@link JdbcDestinationStorePostgresTest} runs the same on PostgreSQL. */
    SharedDatabase database() {
        return new SharedDatabase();
    }

    @Test
    void aHoldWrittenByOneNodeIsReadByTheOther() {
        nodeA.hold(webhook, T0.plusSeconds(30), 429, "");

        assertThat(nodeB.read(webhook.key())).hasValueSatisfying(state -> {
            assertThat(state.heldUntil()).isEqualTo(T0.plusSeconds(30));
            assertThat(state.heldStatus()).isEqualTo(429);
            assertThat(state.goneSince()).isNull();
        });
    }

    @Test
    void aLaterHoldWinsOverAnEarlierOne() {
        nodeA.hold(webhook, T0.plusSeconds(30), 429, "");
        nodeB.hold(webhook, T0.plusSeconds(10), 429, "");
        assertThat(nodeA.read(webhook.key()).orElseThrow().heldUntil()).isEqualTo(T0.plusSeconds(30));

        nodeB.hold(webhook, T0.plusSeconds(60), 429, "");
        assertThat(nodeA.read(webhook.key()).orElseThrow().heldUntil()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void onlyOneNodeMarksADestinationGoneAndSavingTheCustomerClearsIt() {
        assertThat(nodeA.markGone(webhook, T0, "HTTP 410 channel_is_archived", 410, "channel_is_archived")).isTrue();
        assertThat(nodeB.markGone(webhook, T0.plusSeconds(1), "HTTP 410 channel_is_archived", 410, "channel_is_archived"))
                .isFalse();
        assertThat(nodeB.read(webhook.key()).orElseThrow().goneSince()).isEqualTo(T0);

        assertThat(nodeB.clearGone("other")).isEmpty();
        assertThat(nodeB.clearGone("acme")).containsExactly("webhook OPSFLOW_SLACK_ACME_WEBHOOK");

        assertThat(nodeA.read(webhook.key()).orElseThrow().goneSince()).isNull();
        assertThat(nodeA.markGone(webhook, T0.plusSeconds(2), "HTTP 410 channel_is_archived", 410, "")).isTrue();
    }

    @Test
    void aMarkOutlivesTheRollbackOfTheTransactionThatFoundIt() {
        TransactionTemplate job = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        job.executeWithoutResult(tx -> {
            nodeA.hold(webhook, T0.plusSeconds(30), 429, "");
            nodeA.markGone(webhook, T0, "HTTP 410 channel_is_archived", 410, "channel_is_archived");
            tx.setRollbackOnly();
        });

        DestinationState state = nodeB.read(webhook.key()).orElseThrow();
        assertThat(state.heldUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(state.goneSince()).isEqualTo(T0);
    }

    @Test
    void noUrlIsStored() {
        nodeA.hold(webhook, T0.plusSeconds(30), 429, "");
        nodeA.markGone(webhook, T0, "HTTP 410 channel_is_archived", 410, "channel_is_archived");

        String rows = new JdbcTemplate(database.dataSource()).queryForList("select * from opsflow_destination_state")
                .toString();
        assertThat(rows).contains("OPSFLOW_SLACK_ACME_WEBHOOK").doesNotContain("s3cretWebhookToken4711")
                .doesNotContain("hooks.slack.test");
    }
}
