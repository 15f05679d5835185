package io.opsflow.servicenow.script;

import java.time.Instant;

/** {@code GlideDateTime}: now (the simulated clock) in UTC, {@code getValue()}, {@code addSeconds(n)}. */
public final class GlideDateTime {

    private Instant value;

    GlideDateTime(Instant value) {
        this.value = value;
    }

    /** UTC {@code yyyy-MM-dd HH:mm:ss}, as stored. */
    public String getValue() {
        return Glide.GLIDE_TIME.format(value);
    }

    public void addSeconds(long seconds) {
        value = value.plusSeconds(seconds);
    }

    @Override
    public String toString() {
        return getValue();
    }
}
