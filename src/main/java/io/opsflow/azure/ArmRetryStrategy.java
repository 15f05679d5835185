package io.opsflow.azure;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryStrategy;

/**
 * Bounded exponential back-off for azure-core's {@code RetryPolicy}: retries 408, 429 and 5xx
 * answers (except 501/505) and I/O failures. The policy itself waits what {@code x-ms-retry-after-ms},
 * {@code retry-after-ms} or {@code Retry-After} ask for; this strategy refuses to retry when that is
 * longer than {@code maxRetryAfter}, so such an answer reaches the caller at once.
 */
final class ArmRetryStrategy implements RetryStrategy {

    private final AzureProperties.Retry bounds;

    ArmRetryStrategy(AzureProperties.Retry bounds) {
        this.bounds = bounds;
    }

    @Override
    public int getMaxRetries() {
        return bounds.maxRetries();
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
        long base = bounds.baseDelay().toMillis();
        long exponential = base * (1L << Math.min(retryAttempts, 20));
        long jitter = base <= 1 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(exponential + jitter, bounds.maxDelay().toMillis()));
    }

    @Override
    public boolean shouldRetry(HttpResponse response) {
        int status = response.getStatusCode();
        return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
    }

    /**
     * Only failures to reach the server (I/O, timeouts, also under a token request); not a token
     * refused for a wrong secret, which no retry mends.
     */
    @Override
    public boolean shouldRetryException(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean shouldRetryCondition(RequestRetryCondition condition) {
        HttpResponse response = condition.getResponse();
        if (response == null) {
            return shouldRetryException(condition.getThrowable());
        }
        if (!shouldRetry(response)) {
            return false;
        }
        return retryAfter(response.getHeaders()).map(wait -> wait.compareTo(bounds.maxRetryAfter()) <= 0).orElse(true);
    }

    /** The wait an answer asks for, from the headers azure-core's retry policy honours. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        String millis = headers.getValue("x-ms-retry-after-ms");
        if (millis == null) {
            millis = headers.getValue("retry-after-ms");
        }
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis(Long.parseLong(millis.trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String retryAfter = headers.getValue("Retry-After");
        if (retryAfter == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
