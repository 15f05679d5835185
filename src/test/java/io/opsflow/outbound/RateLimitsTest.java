package io.opsflow.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Until when an answer holds its destination. */
class RateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T01:58:00Z");

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RateLimits.holdUntil(answer(429, "Retry-After", "12"), NOW)).contains(NOW.plusSeconds(12));
        assertThat(RateLimits.holdUntil(answer(503, "Retry-After", "Tue, 24 Nov 2026 01:58:30 GMT"), NOW))
                .contains(NOW.plusSeconds(30));
        assertThat(RateLimits.holdUntil(answer(429, "Retry-After", "Tue, 24 Nov 2026 01:00:00 GMT"), NOW))
                .contains(NOW);
        assertThat(RateLimits.holdUntil(answer(429, "Retry-After", "soon"), NOW)).isEmpty();
    }

    @Test
    void aRateLimitResetAsEpochOrSecondsOnA429OrWhenNothingIsLeft() {
        assertThat(RateLimits.holdUntil(answer(429, "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 60)),
                NOW)).contains(NOW.plusSeconds(60));
        assertThat(RateLimits.holdUntil(answer(200, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "7"), NOW))
                .contains(NOW.plusSeconds(7));
        assertThat(RateLimits.holdUntil(answer(200, "X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "7"), NOW))
                .isEmpty();
        assertThat(RateLimits.holdUntil(answer(200, "Retry-After", "5"), NOW)).isEmpty();
    }

    private static OutboundResponse answer(int status, String... headers) {
        HttpHeaders h = new HttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return new OutboundResponse(status, h, null);
    }
}
