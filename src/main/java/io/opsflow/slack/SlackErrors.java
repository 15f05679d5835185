package io.opsflow.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsflow.outbound.Destination;
import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/**
 * Slack's answers (plain text, {@code ok} or an error string): every non-2xx other than 429 and 5xx
 * is a refusal for good, and 410 ({@code channel_is_archived}) or 404 {@code no_service} (the
 * webhook was deleted) mean the webhook itself is gone: no later message is sent to it.
 * Exceptions carry no cause: WebClient's exceptions record the URL, which is the credential.
 */
final class SlackErrors implements ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(SlackErrors.class);
    // Slack's error strings are short snake_case words; a proxy's HTML page is not one.
    private static final int ERROR_MAX = 100;

    private final Destination webhook;

    SlackErrors(Destination webhook) {
        this.webhook = webhook;
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        int status = response.status();
        String error = error(response);
        if (response.isSuccess()) {
            if (!"ok".equals(error)) {
                log.warn("{}: HTTP {} with body '{}' instead of 'ok', taken as delivered", webhook, status, error);
            }
            return Verdict.accept();
        }
        SlackRejectedException rejected = new SlackRejectedException(webhook + " refused the message: HTTP " + status
                + describe(response), status, error);
        boolean gone = status == 410 || status == 404 && "no_service".equals(error);
        return gone ? Verdict.gone(rejected) : Verdict.reject(rejected);
    }

    @Override
    public String describe(OutboundResponse response) {
        String error = error(response);
        return error == null ? "" : " " + error;
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        return new SlackUnavailableException(message, last == null ? 0 : last.status(),
                last == null ? null : error(last));
    }

    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return new SlackRejectedException(message, answer.status(), error(answer));
    }

    private static String error(OutboundResponse response) {
        String text = response.bodyText().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) + "…" : text;
    }
}
