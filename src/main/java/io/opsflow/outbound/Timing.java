package io.opsflow.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the waits of the outbound foundation: destination holds and {@code Retry-After}
 * are waited here. Tests put a virtual clock in that records each wait instead of sleeping.
 */
public interface Timing {

    Timing SYSTEM = new Timing() {

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(wait.toMillis());
        }
    };

    Instant now();

    void sleep(Duration wait) throws InterruptedException;
}
