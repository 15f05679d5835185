package io.opsflow.azure;

import java.time.Duration;

/**
 * 429 that the pipeline did not wait out: retries exhausted, or ARM asked to wait longer than
 * {@code opsflow.azure.retry.max-retry-after}. The job retry cycle retries later.
 */
public class ArmThrottledException extends ArmException {

    private final Duration retryAfter;

    public ArmThrottledException(String code, String message, String requestId, Duration retryAfter) {
        super(429, code, message, requestId);
        this.retryAfter = retryAfter;
    }

    /** What ARM asked for, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
