package io.opsflow.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when waited on or told to: each wait the foundation asks for is recorded
 * and passes at once, so tests assert the schedule, not the wall clock.
 */
public final class VirtualTime implements Timing {

    private volatile Instant now = Instant.parse("2026-11-24T01:58:00Z");
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration wait) {
        waits.add(wait);
        now = now.plus(wait);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every wait asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
