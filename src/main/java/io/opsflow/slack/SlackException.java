package io.opsflow.slack;

/**
 * A Slack notification that was not delivered. Messages name the customer and the environment
 * variable holding the webhook, never the webhook URL: the URL is the credential.
 */
public abstract sealed class SlackException extends RuntimeException
        permits SlackWebhookNotSetException, SlackRejectedException, SlackUnavailableException {

    SlackException(String message) {
        super(message);
    }
}
