package io.opsflow.slack;

import io.opsflow.retry.PermanentFault;

/**
 * Slack refused the message and will refuse it again: {@code invalid_payload}, {@code no_service}
 * (webhook revoked), {@code channel_is_archived}, {@code action_prohibited}, ... Not retried; the
 * webhook or the message has to change, so out of a job it is an incident at once.
 */
public final class SlackRejectedException extends SlackException implements PermanentFault {

    SlackRejectedException(String message, int status, String error) {
        super(message, status, error);
    }
}
