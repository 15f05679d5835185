package io.opsflow.servicenow;

import java.util.Arrays;

/**
 * An incident's {@code state} in business words. The codes are ServiceNow's defaults; an instance
 * can add its own states, which read as {@link #OTHER} (the record keeps the raw code) instead of
 * failing the delivery.
 */
public enum IncidentState {
    NEW("1"), IN_PROGRESS("2"), ON_HOLD("3"), RESOLVED("6"), CLOSED("7"), CANCELED("8"), OTHER(null);

    private final String code;

    IncidentState(String code) {
        this.code = code;
    }

    /** The state of a code; {@link #OTHER} for a custom or missing one. */
    public static IncidentState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code != null && s.code.equals(code)).findFirst().orElse(OTHER);
    }

    /** Resolved, closed or canceled: nothing is left to coordinate. */
    public boolean isOver() {
        return this == RESOLVED || this == CLOSED || this == CANCELED;
    }

    String code() {
        if (code == null) {
            throw new IllegalArgumentException("OTHER stands for an instance's own state and cannot be written");
        }
        return code;
    }
}
