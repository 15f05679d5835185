package io.opsflow.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the state of destinations is kept. {@link JdbcDestinationStore} keeps it in the database
 * every node shares, so a hold one node learns from a 429 holds the calls of all nodes, and a
 * destination found gone stays gone for all of them and across restarts. {@link #inMemory()} is
 * for adapters and tests that need no more than one node.
 *
 * <p>Writes commit at once, whatever transaction the caller is in: the call that learns a hold or a
 * dead end usually fails its job, and the lesson must outlive that job's rollback.
 */
public interface DestinationStore {

    /** What is known of the destination, empty when nothing is. */
    Optional<DestinationState> read(String key);

    /** Holds the destination until {@code until}, unless a later hold is already recorded. */
    void hold(Destination destination, Instant until, int status, String body);

    /**
     * Marks the destination gone.
     *
     * @return true for the one call (on whichever node) that marked it, false when it already was
     */
    boolean markGone(Destination destination, Instant since, String reason, int status, String body);

    /**
     * Forgets that the owner's destinations are gone: the customer's registry entry changed or the
     * repair task completed, so the next call tries them again.
     *
     * @return the names of the destinations that were gone
     */
    List<String> clearGone(String owner);

    static DestinationStore inMemory() {
        return new InMemoryDestinationStore();
    }
}
