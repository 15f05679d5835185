package io.opsflow.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * What is known about each destination: held until a {@code Retry-After} has passed, or gone. Kept
 * in a {@link DestinationStore} (the database all nodes share) and read at every call, so a hold
 * or a gone mark written by one node governs the next call of every node.
 *
 * <p>Held calls of this node wait on a fair lock per destination, so after the hold they go out in
 * the order they arrived; calls of different nodes are ordered by the hold alone.
 */
final class DestinationStates {

    private static final Logger log = LoggerFactory.getLogger(DestinationStates.class);

    private final ConcurrentMap<String, ReentrantLock> order = new ConcurrentHashMap<>();
    private final Timing timing;
    private final DestinationStore store;
    private final DestinationGoneListener goneListener;

    DestinationStates(Timing timing, DestinationStore store, DestinationGoneListener goneListener) {
        this.timing = timing;
        this.store = store;
        this.goneListener = goneListener;
    }

    /**
     * Returns when the destination may be called: at once, or after waiting out its hold. Throws
     * the adapter's exception, sending nothing, when it is gone or held longer than {@code maxWait}.
     */
    void awaitOpen(Destination destination, Duration maxWait, ErrorMapping errors) {
        DestinationState state = store.read(destination.key()).orElse(null);
        if (state == null) {
            return;
        }
        throwIfGone(destination, state, errors);
        Instant until = state.heldUntil();
        if (until == null || !until.isAfter(timing.now())) {
            return;
        }
        Duration remaining = Duration.between(timing.now(), until);
        if (remaining.compareTo(maxWait) > 0) {
            throw errors.unavailable(destination + " is rate limited until " + until + " (429 Retry-After): "
                    + RateLimits.seconds(remaining) + " s more is longer than the " + maxWait.toSeconds()
                    + " s opsflow waits in-process", heldBy(state), null);
        }
        ReentrantLock lock = order.computeIfAbsent(destination.key(), key -> new ReentrantLock(true));
        lock.lock();
        try {
            // Read again after each wait: another node may have been given a later hold meanwhile.
            for (Instant now = timing.now(); until != null && until.isAfter(now); now = timing.now()) {
                Duration wait = Duration.between(now, until);
                log.info("{} is rate limited: waiting {} ms", destination, wait.toMillis());
                timing.sleep(wait);
                state = store.read(destination.key()).orElse(state);
                throwIfGone(destination, state, errors);
                until = state.heldUntil();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.unavailable(destination + ": interrupted while waiting for its rate limit", heldBy(state), null);
        } finally {
            lock.unlock();
        }
    }

    private static void throwIfGone(Destination destination, DestinationState state, ErrorMapping errors) {
        if (state.goneSince() != null) {
            throw errors.gone(destination + " is gone (" + state.goneReason() + " at " + state.goneSince()
                    + "): opsflow does not call it again until it is repaired (see the operators' repair task)",
                    answer(state.goneStatus(), state.goneBody()));
        }
    }

    /** Holds every call to the destination until {@code until}; a later hold wins over an earlier one. */
    void hold(Destination destination, Instant until, OutboundResponse answer) {
        store.hold(destination, until, answer.status(), answer.bodyText());
    }

    void markGone(Destination destination, String reason, OutboundResponse answer) {
        if (store.markGone(destination, timing.now(), reason, answer.status(), answer.bodyText())) {
            log.warn("{} is gone ({}): later calls fail at once without a request", destination, reason);
            try {
                goneListener.destinationGone(destination, reason);
            } catch (RuntimeException e) {
                // The mark stands and this call still fails with the adapter's refusal, naming the destination.
                log.error("{} is gone, but nobody could be asked to repair it", destination, e);
            }
        }
    }

    boolean isGone(Destination destination) {
        return store.read(destination.key()).map(s -> s.goneSince() != null).orElse(false);
    }

    private static OutboundResponse heldBy(DestinationState state) {
        return answer(state.heldStatus(), state.heldBody());
    }

    private static OutboundResponse answer(int status, String body) {
        return new OutboundResponse(status, HttpHeaders.EMPTY, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
