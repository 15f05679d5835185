package io.opsflow.github;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

@Configuration(proxyBeanMethods = false)
class GitHubConfiguration {

    /**
     * Always created, so the application starts without a token; a missing token fails only the call (and
     * its job) that needs it. Sandbox mode brings its own {@link GitHubEndpoint}. Rate-limit holds are kept in
     * the shared database: every node waits for the same reset.
     */
    @Bean
    HttpGitHub gitHub(WebClient.Builder webClientBuilder, GitHubProperties properties,
            ObjectProvider<GitHubEndpoint> endpoints, ObjectProvider<DestinationStore> store) {
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), DestinationGoneListener.NONE);
        GitHubEndpoint endpoint = endpoints.getIfAvailable(() -> environment(properties));
        return create(outbound, endpoint, properties, Timing.SYSTEM);
    }

    static HttpGitHub create(OutboundClient outbound, GitHubEndpoint endpoint, GitHubProperties properties, Timing timing) {
        GitHubApi api = new GitHubApi(outbound, endpoint, properties, timing);
        return new HttpGitHub(api, new GitHubPullRequests(api, properties, timing));
    }

    /** The configured API with the token from the environment variable {@code opsflow.github.token-env} names. */
    static GitHubEndpoint environment(GitHubProperties properties) {
        String apiUrl = properties.apiUrl().replaceAll("/+$", "");
        return GitHubEndpoint.of(() -> apiUrl, () -> {
            String token = System.getenv(properties.tokenEnv());
            if (token == null || token.isBlank()) {
                throw new GitHubException("GitHub token missing: set the environment variable " + properties.tokenEnv(), 401, true, null);
            }
            return token;
        });
    }
}
