package io.opsflow.outbound;

import java.time.Instant;

/**
 * A destination's recorded state. The answers that caused a hold or the gone mark are kept as
 * status and (short) body only: enough for the adapter's exceptions, never a header.
 *
 * @param heldUntil null when never held
 * @param goneSince null when not gone
 */
public record DestinationState(Instant heldUntil, int heldStatus, String heldBody,
        Instant goneSince, String goneReason, int goneStatus, String goneBody) {

    /** The longest body kept: Slack's error strings are short words, a proxy's HTML page is not worth keeping. */
    public static final int BODY_MAX = 200;

    static String shorten(String body) {
        if (body == null) {
            return null;
        }
        return body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body;
    }
}
