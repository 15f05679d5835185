package io.opsflow.github;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Timing;
import io.opsflow.outbound.Verdict;

/**
 * GitHub's answers. The statuses an operation reads itself ({@code expected}: 404 for "not there",
 * 409 for a stale sha, ...) are accepted; rate limits are waited out: the primary one (403 or 429 with
 * {@code x-ratelimit-remaining: 0}) until {@code x-ratelimit-reset}, which the outbound foundation
 * records as the destination's hold, the secondary one (403 with {@code retry-after}) here, because the
 * foundation reads {@code retry-after} on 429 and 503 only.
 */
final class GitHubErrors implements ErrorMapping {

    private final Set<Integer> expected;
    private final Timing timing;
    private final Duration maxRetryAfter;

    GitHubErrors(Set<Integer> expected, Timing timing, Duration maxRetryAfter) {
        this.expected = expected;
        this.timing = timing;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        int status = response.status();
        if (response.isSuccess() || expected.contains(status)) {
            return Verdict.accept();
        }
        String failure = request.description() + ": HTTP " + status + describe(response);
        if (status == 403 && "0".equals(response.headers().getFirst("x-ratelimit-remaining"))) {
            return Verdict.retryAtOnce("HTTP 403" + describe(response) + " (rate limit used up until x-ratelimit-reset)");
        }
        String retryAfter = response.headers().getFirst("retry-after");
        if (status == 403 && retryAfter != null && retryAfter.trim().matches("\\d{1,6}")) {
            return secondaryLimit(failure, Duration.ofSeconds(Long.parseLong(retryAfter.trim())), lastAttempt);
        }
        if (status == 403 && describe(response).toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
            return Verdict.reject(new GitHubException(failure, status, false, null));
        }
        return Verdict.reject(new GitHubException(failure, status, status != 408, null));
    }

    private Verdict secondaryLimit(String failure, Duration wait, boolean lastAttempt) {
        if (lastAttempt || wait.compareTo(maxRetryAfter) > 0) {
            return Verdict.reject(new GitHubException(failure + " (secondary rate limit, retry-after " + wait.toSeconds()
                    + " s)", 403, false, null));
        }
        try {
            timing.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.reject(new GitHubException(failure + ": interrupted while waiting", 403, false, e));
        }
        return Verdict.retryAtOnce("HTTP 403 (secondary rate limit, waited " + wait.toSeconds() + " s)");
    }

    @Override
    public String describe(OutboundResponse response) {
        JsonNode body = response.json();
        String message = body.path("message").asText("");
        StringBuilder text = new StringBuilder(message.isEmpty() ? "" : ": " + message);
        for (JsonNode error : body.path("errors")) {
            text.append(error.isTextual() ? "; " + error.asText() : error.hasNonNull("message")
                    ? "; " + error.path("message").asText() : "; " + error.path("code").asText());
        }
        return text.toString();
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        return new GitHubException(message, last == null ? 0 : last.status(), false, cause);
    }

    /** GitHub is never marked gone; should it be, the call is unavailable, not permanent. */
    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return unavailable(message, answer, null);
    }
}
