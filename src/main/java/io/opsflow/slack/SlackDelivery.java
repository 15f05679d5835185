package io.opsflow.slack;

/** What became of a notification that did not fail. */
public enum SlackDelivery {

    /** Slack answered {@code ok}. */
    DELIVERED,

    /** The customer has no Slack channel; nothing was sent. */
    NOT_CONFIGURED
}
