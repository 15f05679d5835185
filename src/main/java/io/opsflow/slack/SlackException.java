package io.opsflow.slack;

/**
 * A Slack notification that was not delivered. Messages name the customer and the environment
 * variable holding the webhook, never the webhook URL: the URL is the credential. Carries Slack's
 * last answer: its HTTP status (0 when none came) and error string ({@code no_service}), or null.
 */
public abstract sealed class SlackException extends RuntimeException
        permits SlackWebhookNotSetException, SlackRejectedException, SlackUnavailableException {

    private final int status;
    private final String error;

    SlackException(String message, int status, String error) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** The last HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Slack's last error string ({@code rollup_error}, {@code no_service}), or null when the body was empty. */
    public String error() {
        return error;
    }
}
