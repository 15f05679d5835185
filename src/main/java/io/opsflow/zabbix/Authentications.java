package io.opsflow.zabbix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each frontend's {@link Authentication}, asked again after a while: an upgrade from 6.0 to 7.x changes it
 * without anyone telling opsflow.
 */
final class Authentications {

    static final Duration FRESH = Duration.ofMinutes(15);

    private record Known(Authentication authentication, Instant until) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Clock clock;

    Authentications(Clock clock) {
        this.clock = clock;
    }

    Authentication of(String apiUrl, Supplier<String> version) {
        Known entry = known.get(apiUrl);
        if (entry != null && entry.until().isAfter(clock.instant())) {
            return entry.authentication();
        }
        Authentication authentication = Authentication.forVersion(version.get());
        known.put(apiUrl, new Known(authentication, clock.instant().plus(FRESH)));
        return authentication;
    }
}
