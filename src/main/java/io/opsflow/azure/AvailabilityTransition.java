package io.opsflow.azure;

import java.time.Instant;
import java.util.Arrays;

/** From {@code occurredAt} on, Resource Health saw the resource in {@code state}. */
public record AvailabilityTransition(Instant occurredAt, State state) {

    /** Resource Health's {@code availabilityState}. */
    public enum State {
        AVAILABLE("Available"), DEGRADED("Degraded"), UNAVAILABLE("Unavailable"), UNKNOWN("Unknown");

        private final String value;

        State(String value) {
            this.value = value;
        }

        /** An unrecognised value is {@link #UNKNOWN}: opsflow does not guess a state Azure did not name. */
        static State of(String value) {
            return Arrays.stream(values()).filter(s -> s.value.equalsIgnoreCase(value)).findFirst().orElse(UNKNOWN);
        }
    }
}
