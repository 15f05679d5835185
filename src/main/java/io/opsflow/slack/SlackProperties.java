package io.opsflow.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How opsflow talks to Slack incoming webhooks. The webhook URLs themselves are not here: each
 * customer's is in the environment variable its registry entry names ({@code slack.webhookEnv}).
 * The names are the outbound foundation's ({@link OutboundSettings}), the defaults Slack's own.
 */
@ConfigurationProperties("opsflow.slack")
public record SlackProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue Retry retry) implements OutboundSettings {

    /**
     * Bounds on retrying 429, 5xx and timeouts within one call. With the defaults a call gives up
     * within about 3 × read timeout + 3 s (or one Retry-After of up to 30 s), well inside the job
     * executor's lock; then the job's retry cycle takes over.
     *
     * @param maxAttempts    attempts per call, the first included
     * @param initialBackoff wait before the second attempt, doubled before each further one
     * @param maxBackoff     cap on that wait
     * @param maxRetryAfter  longest {@code Retry-After} waited in-process; a longer one fails the call at once,
     *                       and every message to that webhook until it has passed
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
