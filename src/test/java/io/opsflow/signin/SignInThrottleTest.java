package io.opsflow.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(5, 20, Duration.ofMinutes(5)), clock);

    @Test
    void fiveFailuresOfOneUserRefuseItUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "203.0.113." + i);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.refusal("admin", "198.51.100.1")).isEmpty();
        throttle.failed("admin", "203.0.113.9");

        assertThat(throttle.refusal("admin", "198.51.100.1")).as("from any address").contains(Duration.ofSeconds(260));
        assertThat(throttle.refusal("ADMIN", "198.51.100.1")).as("any spelling").isPresent();
        assertThat(throttle.refusal("someone-else", "198.51.100.1")).isEmpty();
        assertThatThrownBy(() -> throttle.checkAllowed("admin", "198.51.100.1"))
                .isInstanceOf(SignInThrottledException.class)
                .hasMessage("Too many failed sign-ins for this user or from this address. Try again in 260 seconds.");

        clock.advance(Duration.ofSeconds(260));
        assertThat(throttle.refusal("admin", "198.51.100.1")).as("never for good").isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressRefuseItForEveryUser() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user-" + i, "203.0.113.7");
        }
        assertThat(throttle.refusal("admin", "203.0.113.7")).contains(Duration.ofMinutes(5));
        assertThat(throttle.refusal("admin", "203.0.113.8")).isEmpty();
        assertThat(throttle.refusal("admin", "::ffff:203.0.113.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUserButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("taro", "2001:db8::1");
        }
        throttle.succeeded("taro");
        assertThat(throttle.refusal("taro", "2001:db8::2")).isEmpty();
        for (int i = 0; i < 15; i++) {
            throttle.failed("guess-" + i, "2001:db8:0:0:0:0:0:1");
        }
        assertThat(throttle.refusal("taro", "2001:db8::1")).as("same address, other spelling").isPresent();
    }

    @Test
    void memoryIsBoundedAndStaleKeysAreDropped() {
        for (int i = 0; i < SignInThrottle.MAX_KEYS + 100; i++) {
            throttle.failed("sprayed-" + i, "203.0.113." + (i % 200));
        }
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("admin", "198.51.100.1");
        assertThat(throttle.refusal("admin", "198.51.100.1")).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "198.51.100.1");
        }
        assertThat(throttle.refusal("admin", "198.51.100.1")).as("counted again once stale keys went").isPresent();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
