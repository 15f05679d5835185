package io.opsflow.customer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customers read in the last {@link #FRESH_FOR}: every webhook call and every incident start
 * looks its customer up, and reading one costs six statements (the row, its three lists, its
 * tenant's users and groups). This node's own saves and deletes show at once; those of another node
 * of the cluster, and tenant memberships granted in Camunda Admin, within that time.
 */
final class RecentCustomers {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Map<String, Read> recent = new ConcurrentHashMap<>();
    /** Counts saves and deletes, so a read that overlapped one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    private record Read(Customer customer, long nanoTime) {
    }

    Optional<Customer> find(String id, Supplier<Optional<Customer>> read) {
        Read kept = recent.get(id);
        if (kept != null && System.nanoTime() - kept.nanoTime() < FRESH_FOR.toNanos()) {
            return Optional.of(kept.customer());
        }
        long now = System.nanoTime();
        long generation = changes.get();
        Optional<Customer> customer = read.get();
        // Only customers that exist are kept: one created on another node is then found at once.
        customer.ifPresent(c -> recent.compute(id, (key, old) -> changes.get() == generation ? new Read(c, now) : old));
        return customer;
    }

    /**
     * Drops the copy kept now and again when the transaction ends, so a read made while it was open
     * (which saw the old row) is not kept either.
     */
    void forgetWhenDone(String id) {
        forget(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(id);
                }
            });
        }
    }

    private void forget(String id) {
        changes.incrementAndGet();
        recent.remove(id);
    }
}
