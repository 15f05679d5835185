package io.opsflow.circleci;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How opsflow talks to CircleCI's API v2. The token is not here: {@code tokenEnv} names the environment
 * variable holding a personal API token of the (bot) user opsflow acts as, who must be able to trigger,
 * approve and re-run on the customers' projects.
 *
 * @param apiUrl   {@code https://circleci.com/api/v2}, or a server installation's {@code https://HOST/api/v2}
 * @param tokenEnv name of the environment variable holding the token, sent as {@code Circle-Token}
 * @param appUrl   the web app, for the workflow and job links shown to operators
 */
@ConfigurationProperties("opsflow.circleci")
public record CircleCiProperties(
        @DefaultValue("https://circleci.com/api/v2") String apiUrl,
        @DefaultValue("OPSFLOW_CIRCLECI_TOKEN") String tokenEnv,
        @DefaultValue("https://app.circleci.com") String appUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue Retry retry) implements OutboundSettings {

    /** Bounds on retrying 429, 5xx and timeouts within one call; then the job's retry cycle takes over. */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
