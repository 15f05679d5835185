package io.opsflow.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    /**
     * What the ledger knows when a delivery arrives.
     *
     * @param seen     this very delivery, recorded before
     * @param incident the instance its subject (an alert) was last recorded in (started or correlated)
     * @param resolved whether a recovery of its subject arrived already (deliveries can come out of order)
     */
    public record History(Optional<IntakeResult> seen, Optional<IntakeResult> incident, boolean resolved) {
    }

    /**
     * {@link #find}, {@link #incidentOfAlert} and whether the subject was resolved, in one round trip:
     * the three questions every alert delivery asks first. Each part of the union uses its own index;
     * a delivery without a subject only asks the first.
     */
    public History history(String deliveryId, String alertId) {
        if (alertId == null) {
            return new History(find(deliveryId), Optional.empty(), false);
        }
        record Row(boolean self, String alertState, String outcome, IntakeResult result, Timestamp receivedAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select 1 as this_delivery, alert_state, outcome, process_instance_id, business_key, received_at
                        from opsflow_inbound_delivery where delivery_id = ?
                        union all
                        select 0, alert_state, outcome, process_instance_id, business_key, received_at
                        from opsflow_inbound_delivery
                        where alert_id = ? and (outcome in ('STARTED', 'CORRELATED') or alert_state = 'RESOLVED')""")
                .params(deliveryId, alertId)
                .query((rs, n) -> new Row(rs.getInt(1) == 1, rs.getString(2), rs.getString(3),
                        new IntakeResult(IntakeResult.Outcome.CORRELATED, rs.getString(4), rs.getString(5)), rs.getTimestamp(6)))
                .list();
        Optional<IntakeResult> seen = rows.stream().filter(Row::self).findFirst()
                .map(r -> new IntakeResult(IntakeResult.Outcome.DUPLICATE, r.result().processInstanceId(), r.result().businessKey()));
        Optional<IntakeResult> incident = rows.stream().filter(r -> !r.self())
                .filter(r -> "STARTED".equals(r.outcome()) || "CORRELATED".equals(r.outcome()))
                .max(Comparator.comparing(Row::receivedAt)).map(Row::result);
        boolean resolved = rows.stream().anyMatch(r -> !r.self() && "RESOLVED".equals(r.alertState()));
        return new History(seen, incident, resolved);
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
