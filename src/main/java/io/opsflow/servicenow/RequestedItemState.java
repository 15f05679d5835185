package io.opsflow.servicenow;

import java.util.Arrays;
import java.util.Locale;

/**
 * A requested item's {@code state} in business words. Models name a state by its lowerCamel word
 * ({@code closedComplete}); a custom state of an instance reads as {@link #OTHER} (the record keeps
 * the raw code) instead of failing the delivery.
 */
public enum RequestedItemState {
    PENDING("-5"), OPEN("1"), WORK_IN_PROGRESS("2"), CLOSED_COMPLETE("3"), CLOSED_INCOMPLETE("4"), CLOSED_SKIPPED("7"), OTHER(null);

    private final String code;

    RequestedItemState(String code) {
        this.code = code;
    }

    /** The state of a code; {@link #OTHER} for a custom or missing one. */
    public static RequestedItemState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code != null && s.code.equals(code)).findFirst().orElse(OTHER);
    }

    /** The state a model names ({@code workInProgress}, {@code closedComplete}, {@code closedIncomplete}, …). */
    public static RequestedItemState named(String word) {
        return Arrays.stream(values()).filter(s -> s != OTHER && s.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + word + "' names no requested item state; one of "
                        + Arrays.stream(values()).filter(s -> s != OTHER).map(RequestedItemState::word).toList()));
    }

    /** Closed in any way: complete, incomplete or skipped. */
    public boolean isClosed() {
        return this == CLOSED_COMPLETE || isCancelled();
    }

    /** Closed incomplete or skipped: the requester or the desk gave it up. */
    public boolean isCancelled() {
        return this == CLOSED_INCOMPLETE || this == CLOSED_SKIPPED;
    }

    String word() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder word = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            word.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return word.toString();
    }

    String code() {
        if (code == null) {
            throw new IllegalArgumentException("OTHER stands for an instance's own state and cannot be written");
        }
        return code;
    }
}
