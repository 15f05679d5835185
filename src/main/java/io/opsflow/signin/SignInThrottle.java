package io.opsflow.signin;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per user id and per client address in a sliding window, in this node's memory.
 * A key that reached its limit is refused, before any password check, until its oldest failure
 * leaves the window. It replaces Camunda's lock-out, which after ten failures locked a user (the
 * administrator included) for good; nothing here outlives the window.
 * <p>
 * A success clears the user's failures but not the address's: a caller holding one valid account
 * must not reset the counter it guesses other accounts' passwords under.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** Bounds the memory a spray of invented user ids can take; stale keys are dropped first. */
    static final int MAX_KEYS = 10_000;

    private final SignInProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    SignInThrottle(SignInProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SignInThrottle(SignInProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must wait, or empty when the password may be checked. */
    public Optional<Duration> refusal(String userId, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = longer(waitFor(userKey(userId), properties.failuresPerUser(), now),
                waitFor(addressKey(clientAddress), properties.failuresPerAddress(), now));
        return Optional.ofNullable(wait);
    }

    /** Checks and throws, for callers inside Spring Security. */
    public void checkAllowed(String userId, String clientAddress) {
        Optional<Duration> wait = refusal(userId, clientAddress);
        if (wait.isPresent()) {
            log.warn("Sign-in of '{}' from {} refused for {} s after repeated failures",
                    printable(userId), printable(clientAddress), SignInThrottledException.seconds(wait.get()));
            throw new SignInThrottledException(wait.get());
        }
    }

    public void failed(String userId, String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            dropStale(now);
        }
        record(userKey(userId), now);
        record(addressKey(clientAddress), now);
    }

    public void succeeded(String userId) {
        failures.remove(userKey(userId));
    }

    private void record(String key, Instant now) {
        if (failures.size() >= MAX_KEYS && !failures.containsKey(key)) {
            return;
        }
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            prune(kept, now);
            kept.addLast(now);
            // Only the newest `limit` failures decide when the key is free again.
            while (kept.size() > Math.max(properties.failuresPerUser(), properties.failuresPerAddress())) {
                kept.removeFirst();
            }
            return kept;
        });
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Duration[] wait = {null};
        failures.computeIfPresent(key, (k, times) -> {
            prune(times, now);
            if (times.size() >= limit) {
                Instant oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
                wait[0] = Duration.between(now, oldestCounted.plus(properties.window()));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(properties.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private void dropStale(Instant now) {
        failures.replaceAll((key, times) -> {
            prune(times, now);
            return times;
        });
        failures.values().removeIf(Deque::isEmpty);
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Case-folded: on a database with a case-insensitive collation {@code ADMIN} is {@code admin},
     * and a guesser must not get a fresh counter per spelling.
     */
    private static String userKey(String userId) {
        return "user:" + (userId == null ? "" : userId.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String clientAddress) {
        return "address:" + normalized(clientAddress);
    }

    /** {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one address; a host name is kept as it is. */
    private static String normalized(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.matches("[0-9a-fA-F:.]+") && address.contains(":")) {
            try {
                return InetAddress.getByName(address).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    private static String printable(String userId) {
        return userId == null ? "" : userId.replaceAll("[^\\p{Alnum}._@-]", "?");
    }
}
