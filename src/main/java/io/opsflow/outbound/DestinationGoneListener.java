package io.opsflow.outbound;

/**
 * Told once when a destination is found gone: by the one call, on whichever node, that marked it.
 * Someone has to repair the destination (a new webhook in the customer's registry entry); the
 * listener asks them to.
 */
@FunctionalInterface
public interface DestinationGoneListener {

    DestinationGoneListener NONE = (destination, reason) -> { };

    /**
     * @param reason what showed it gone ({@code HTTP 410 channel_is_archived}); never a URL
     */
    void destinationGone(Destination destination, String reason);
}
