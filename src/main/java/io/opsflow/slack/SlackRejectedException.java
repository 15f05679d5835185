package io.opsflow.slack;

/**
 * Slack refused the message and will refuse it again: {@code invalid_payload}, {@code no_service}
 * (webhook revoked), {@code channel_is_archived}, {@code action_prohibited}, ... Not retried; the
 * webhook or the message has to change.
 */
public final class SlackRejectedException extends SlackException {

    private final int status;
    private final String error;

    SlackRejectedException(String message, int status, String error) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** Slack's error string ({@code no_service}), or null when the body was empty. */
    public String error() {
        return error;
    }
}
