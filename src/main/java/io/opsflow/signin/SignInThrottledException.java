package io.opsflow.signin;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused before its password was checked because of recent failures. An
 * {@link AccountStatusException}, so no other authentication provider is tried.
 */
public class SignInThrottledException extends AccountStatusException {

    private final transient Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header wants them. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    static String message(Duration retryAfter) {
        return "Too many failed sign-ins for this user or from this address. Try again in "
                + seconds(retryAfter) + " seconds.";
    }
}
