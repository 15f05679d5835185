package io.opsflow.handover;

/**
 * opsflow's webhook did not take a pre-operation test alert within the retry bounds (5xx, 503 while a
 * token variable is being set, timeouts): a technical fault, retried by the caller's job.
 * Without a cause: WebClient's exceptions carry the request URL, whose query holds the token.
 */
public final class PreOperationUnavailableException extends RuntimeException {

    PreOperationUnavailableException(String message) {
        super(message);
    }
}
