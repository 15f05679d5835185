package io.opsflow.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;

/**
 * Until when a destination asks not to be called: {@code Retry-After} on a 429 or 503, in seconds or
 * as an HTTP date (RFC 9110), else a rate-limit reset ({@code X-RateLimit-Reset} or {@code RateLimit-Reset}: epoch
 * seconds, or seconds from now when the figure is too small to be an epoch) on a 429 or on an answer
 * saying nothing is left ({@code X-RateLimit-Remaining: 0}, GitHub's way).
 */
final class RateLimits {

    // Below this a reset cannot be epoch seconds (2001-09-09): it counts seconds from now.
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private RateLimits() {
    }

    static Optional<Instant> holdUntil(OutboundResponse response, Instant now) {
        HttpHeaders headers = response.headers();
        if (response.status() == 429 || response.status() == 503) {
            Optional<Instant> retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), now);
            if (retryAfter.isPresent()) {
                return retryAfter;
            }
        }
        boolean exhausted = response.status() == 429 || "0".equals(first(headers, "X-RateLimit-Remaining",
                "RateLimit-Remaining"));
        return exhausted ? reset(first(headers, "X-RateLimit-Reset", "RateLimit-Reset"), now) : Optional.empty();
    }

    static Optional<Instant> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(date.isBefore(now) ? now : date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> reset(String value, Instant now) {
        if (value == null || !value.trim().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long figure = Long.parseLong(value.trim());
        Instant until = figure >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(figure) : now.plusSeconds(figure);
        return Optional.of(until.isBefore(now) ? now : until);
    }

    /** The rate-limit headers of an answer, for the log: they say which rule and window ran out. */
    static String describe(HttpHeaders headers) {
        return headers.keySet().stream()
                .filter(name -> name.equalsIgnoreCase(HttpHeaders.RETRY_AFTER)
                        || name.toLowerCase(java.util.Locale.ROOT).contains("ratelimit"))
                .sorted()
                .map(name -> name + " " + headers.getFirst(name))
                .collect(Collectors.joining(", "));
    }

    static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }

    private static String first(HttpHeaders headers, String... names) {
        for (String name : names) {
            String value = headers.getFirst(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
