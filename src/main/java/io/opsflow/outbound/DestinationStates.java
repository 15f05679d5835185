package io.opsflow.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node knows about each destination: held until a {@code Retry-After} has passed, or gone.
 * Kept in memory: each node of a cluster learns a hold from its own 429 (the next call there gets one
 * too) and a dead destination from its own first refusal, and forgets both on restart, which is
 * when a replaced webhook URL is read anyway.
 *
 * <p>Held calls wait on a fair lock, so after the hold they go out in the order they arrived.
 */
final class DestinationStates {

    private static final Logger log = LoggerFactory.getLogger(DestinationStates.class);

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();
    private final Timing timing;

    DestinationStates(Timing timing) {
        this.timing = timing;
    }

    private static final class State {
        final ReentrantLock order = new ReentrantLock(true);
        volatile Instant heldUntil;
        volatile OutboundResponse heldBy;
        volatile Instant goneSince;
        volatile OutboundResponse goneBy;
        volatile String goneReason;
    }

    private State state(Destination destination) {
        return states.computeIfAbsent(destination.key(), key -> new State());
    }

    /**
     * Returns when the destination may be called: at once, or after waiting out its hold. Throws
     * the adapter's exception, sending nothing, when it is gone or held longer than {@code maxWait}.
     */
    void awaitOpen(Destination destination, Duration maxWait, ErrorMapping errors) {
        State state = state(destination);
        if (state.goneSince != null) {
            throw errors.gone(destination + " is gone (" + state.goneReason + " at " + state.goneSince
                    + "): opsflow does not call it again until it is replaced and opsflow restarted", state.goneBy);
        }
        Instant until = state.heldUntil;
        if (until == null || !until.isAfter(timing.now())) {
            return;
        }
        Duration remaining = Duration.between(timing.now(), until);
        if (remaining.compareTo(maxWait) > 0) {
            throw errors.unavailable(destination + " is rate limited until " + until + " (429 Retry-After): "
                    + RateLimits.seconds(remaining) + " s more is longer than the " + maxWait.toSeconds()
                    + " s opsflow waits in-process", state.heldBy, null);
        }
        state.order.lock();
        try {
            for (Instant now = timing.now(); until.isAfter(now); now = timing.now()) {
                Duration wait = Duration.between(now, until);
                log.info("{} is rate limited: waiting {} ms", destination, wait.toMillis());
                timing.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.unavailable(destination + ": interrupted while waiting for its rate limit", state.heldBy, null);
        } finally {
            state.order.unlock();
        }
    }

    /** Holds every call to the destination until {@code until}; a later hold wins over an earlier one. */
    void hold(Destination destination, Instant until, OutboundResponse answer) {
        State state = state(destination);
        synchronized (state) {
            if (state.heldUntil == null || until.isAfter(state.heldUntil)) {
                state.heldUntil = until;
                state.heldBy = answer;
            }
        }
    }

    void markGone(Destination destination, String reason, OutboundResponse answer) {
        State state = state(destination);
        state.goneBy = answer;
        state.goneReason = reason;
        state.goneSince = timing.now();
        log.warn("{} is gone ({}): later calls fail at once without a request", destination, reason);
    }

    boolean isGone(Destination destination) {
        return state(destination).goneSince != null;
    }
}
