package io.opsflow.slack;

import io.opsflow.retry.PermanentFault;

/**
 * The registry names an environment variable for the customer's webhook, but the process does not
 * have it (or it does not hold a URL). Fixed by setting the variable and restarting, not by retrying:
 * out of a job it is an incident at once, retried in Cockpit after the restart.
 */
public final class SlackWebhookNotSetException extends SlackException implements PermanentFault {

    private final String variable;

    SlackWebhookNotSetException(String message, String variable) {
        super(message, 0, null);
        this.variable = variable;
    }

    /** The environment variable's name. */
    public String variable() {
        return variable;
    }
}
