package io.opsflow.servicenow;

import java.util.Arrays;

/**
 * A requested item's {@code stage}, which the item's flow defines: the stages of the default flows
 * have names here, any other reads as {@link #OTHER} (the record keeps the raw value).
 */
public enum RequestedItemStage {
    WAITING_FOR_APPROVAL("waiting_for_approval"), FULFILLMENT("fulfillment"), COMPLETE("complete"),
    REQUEST_CANCELLED("Request Cancelled"), OTHER(null);

    private final String code;

    RequestedItemStage(String code) {
        this.code = code;
    }

    /** The stage of a value; {@link #OTHER} for a flow's own or a missing one. */
    public static RequestedItemStage of(String code) {
        return Arrays.stream(values()).filter(s -> s.code != null && s.code.equals(code)).findFirst().orElse(OTHER);
    }
}
