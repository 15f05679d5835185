package io.opsflow.intake;

import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The one skeleton of every inbound capability: a delivery seen before gets its first answer back;
 * a new one is handled by the capability's {@link Handling} (start or correlate) and recorded with
 * its outcome, both in one {@link IntakeTransaction}. The capability knows its process, the intake
 * knows deliveries; neither reaches into the other.
 */
@Service
public class Intake {

    private final InboundDeliveries deliveries;
    private final IntakeTransaction transaction;
    private final RuntimeService runtime;

    Intake(InboundDeliveries deliveries, IntakeTransaction transaction, RuntimeService runtime) {
        this.deliveries = deliveries;
        this.transaction = transaction;
        this.runtime = runtime;
    }

    /**
     * How the ledger files a delivery.
     *
     * @param id           the idempotency key
     * @param source       the sending system ({@code azure-monitor}, {@code zabbix}, {@code servicenow})
     * @param subject      what it is about (an alert id, a requested item's sys_id), or null
     * @param subjectState what it says about it ({@code RESOLVED}), or null
     */
    public record Delivery(String id, String source, String subject, String subjectState) {

        public Delivery {
            Objects.requireNonNull(id, "id");
        }
    }

    /** What one capability does with one kind of event. */
    public interface Handling<E> {

        /** How the ledger files the event. */
        Delivery delivery(E event);

        /**
         * Starts a process, correlates into one, or finds the event stale; runs once per delivery.
         * {@code history} is what the ledger knows of the event's subject, read with the delivery check.
         */
        IntakeResult handle(E event, InboundDeliveries.History history);
    }

    public <E> IntakeResult receive(E event, Handling<E> handling) {
        Delivery delivery = handling.delivery(event);
        return transaction.run(() -> {
            InboundDeliveries.History history = deliveries.history(delivery.id(), delivery.subject());
            if (history.seen().isPresent()) {
                return history.seen().get();
            }
            IntakeResult result = handling.handle(event, history);
            deliveries.record(delivery.id(), delivery.source(), delivery.subject(), delivery.subjectState(), result);
            return result;
        });
    }

    /**
     * Whether a change of an outside record ({@code sys_mod_count}) is newer than the last one the
     * instance applied; if so it becomes the last applied. Deliveries can overtake each other.
     */
    public boolean newerChange(String processInstanceId, String modCountVariable, long modCount) {
        Object applied = runtime.getVariable(processInstanceId, modCountVariable);
        if (applied instanceof Number last && modCount <= last.longValue()) {
            return false;
        }
        runtime.setVariable(processInstanceId, modCountVariable, modCount);
        return true;
    }
}
