package io.opsflow.slack;

/** Slack's typed failures for tests outside this package (their constructors are the adapter's own). */
public final class SlackFaults {

    private SlackFaults() {
    }

    public static SlackRejectedException rejected(String error) {
        return new SlackRejectedException("Slack webhook ACME_SLACK refused the message: HTTP 404 " + error, 404, error);
    }

    public static SlackUnavailableException unavailable() {
        return new SlackUnavailableException("Slack webhook ACME_SLACK failed after 3 attempts, last: HTTP 503", 503, null);
    }

    public static SlackWebhookNotSetException webhookNotSet(String variable) {
        return new SlackWebhookNotSetException("Slack webhook of customer acme: environment variable " + variable
                + " is not set", variable);
    }
}
