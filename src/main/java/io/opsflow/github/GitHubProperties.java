package io.opsflow.github;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * How opsflow talks to GitHub's REST API. The token is not here: {@code tokenEnv} names the environment
 * variable that holds it (a fine-grained personal access token, or a GitHub App installation token put
 * there by whatever renews it; both are sent as {@code Authorization: Bearer}).
 *
 * @param apiUrl                   {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub Enterprise Server
 * @param apiVersion               sent as {@code X-GitHub-Api-Version}: pinned so that a new calendar version changes nothing unseen
 * @param tokenEnv                 name of the environment variable holding the token
 * @param mergeablePolls           how often a new pull request is read again until GitHub knows whether it is mergeable
 * @param mergeablePollInterval    wait between those reads
 */
@ConfigurationProperties("opsflow.github")
public record GitHubProperties(
        @DefaultValue("https://api.github.com") String apiUrl,
        @DefaultValue("2022-11-28") String apiVersion,
        @DefaultValue("OPSFLOW_GITHUB_TOKEN") String tokenEnv,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("10") int mergeablePolls,
        @DefaultValue("2s") Duration mergeablePollInterval,
        @DefaultValue Retry retry) implements OutboundSettings {

    /**
     * Bounds on retrying 429, 5xx, timeouts and exhausted rate limits within one call.
     *
     * @param maxRetryAfter longest wait for {@code retry-after} or {@code x-ratelimit-reset}; a longer one
     *                      ends the call and leaves the wait to the job's retry cycle
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
