package io.opsflow.outbound;

import java.time.Duration;

/**
 * The settings vocabulary of every outbound adapter. An adapter's {@code @ConfigurationProperties}
 * record implements it (its components have these names), so each system is configured as
 * {@code opsflow.<system>.connect-timeout}, {@code read-timeout} and {@code retry.*} with only the
 * defaults differing.
 */
public interface OutboundSettings {

    /** TCP connect timeout. */
    Duration connectTimeout();

    /** Longest wait for the response headers; a body that stalls is cut off after connect + 2 × this. */
    Duration readTimeout();

    RetrySettings retry();

    /**
     * Bounds on retrying inside one call; beyond them the job's retry cycle takes over.
     * Implemented by each adapter's nested {@code Retry} record.
     */
    interface RetrySettings {

        /** Attempts per call, the first included. */
        int maxAttempts();

        /** Wait before the second attempt, doubled before each further one. */
        Duration initialBackoff();

        /** Cap on that wait. */
        Duration maxBackoff();

        /**
         * Longest wait opsflow accepts for a destination's {@code Retry-After} (or rate-limit reset)
         * inside a call; a longer one fails the call at once, and calls to the destination keep
         * failing at once until it has passed.
         */
        Duration maxRetryAfter();
    }
}
