package io.opsflow.github;

import java.util.function.Supplier;

/**
 * Where GitHub's API is and the token to call it with, asked at every request: the sandbox simulator
 * learns its port only after the application has started, and an installation token is renewed hourly.
 */
public interface GitHubEndpoint {

    /** The API's base URL without a trailing slash. */
    String apiUrl();

    String token();

    static GitHubEndpoint of(Supplier<String> apiUrl, Supplier<String> token) {
        return new GitHubEndpoint() {
            @Override
            public String apiUrl() {
                return apiUrl.get();
            }

            @Override
            public String token() {
                return token.get();
            }
        };
    }
}
