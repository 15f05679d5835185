package io.opsflow.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every inbound delivery once, with what became of it: the one idempotency record of all webhook
 * capabilities. {@code alert_id} is the subject the delivery is about (an alert, a request item).
 */
@Repository
public class InboundDeliveries {

    private final JdbcClient jdbc;

    InboundDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IntakeResult> find(String deliveryId) {
        return jdbc.sql("select process_instance_id, business_key from opsflow_inbound_delivery where delivery_id = ?")
                .param(deliveryId)
                .query((rs, n) -> new IntakeResult(IntakeResult.Outcome.DUPLICATE, rs.getString(1), rs.getString(2))).optional();
    }

    /** The incident an alert was last recorded in (started or correlated). */
    public Optional<IntakeResult> incidentOfAlert(String alertId) {
        return jdbc.sql("""
                        select process_instance_id, business_key from opsflow_inbound_delivery
                        where alert_id = ? and outcome in ('STARTED', 'CORRELATED') order by received_at desc""")
                .param(alertId)
                .query((rs, n) -> new IntakeResult(IntakeResult.Outcome.CORRELATED, rs.getString(1), rs.getString(2)))
                .list().stream().findFirst();
    }

    /** Whether a recovery of this alert arrived already (deliveries can come out of order). */
    public boolean resolvedBefore(String alertId) {
        return jdbc.sql("select count(*) from opsflow_inbound_delivery where alert_id = ? and alert_state = 'RESOLVED'")
                .param(alertId).query(Long.class).single() > 0;
    }

    /** Records the delivery; throws DuplicateKeyException when a concurrent transaction recorded it first. */
    public void record(String deliveryId, String source, String alertId, String alertState, IntakeResult result) {
        jdbc.sql("""
                        insert into opsflow_inbound_delivery
                            (delivery_id, source, alert_id, alert_state, outcome, process_instance_id, business_key, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deliveryId, source, alertId, alertState, result.outcome().name(), result.processInstanceId(),
                        result.businessKey(), Timestamp.from(Instant.now()))
                .update();
    }
}
