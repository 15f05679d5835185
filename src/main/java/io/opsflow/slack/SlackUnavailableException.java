package io.opsflow.slack;

/**
 * Slack did not take the message within the retry bounds (5xx, timeouts, 429 beyond the longest
 * wait). A technical fault: let it fail the job so Camunda's retry cycle takes over.
 *
 * <p>Deliberately without a cause: WebClient's exceptions carry the request URL (in checkpoints
 * and fields), which would end up in the job's stack trace in the database.
 */
public final class SlackUnavailableException extends SlackException {

    SlackUnavailableException(String message, int status, String error) {
        super(message, status, error);
    }
}
