package io.opsflow.github;

/**
 * Where GitHub's API is and the token to call it with, asked at every request: the sandbox simulator
 * learns its port only after the application has started, and an installation token is renewed hourly.
 */
public interface GitHubEndpoint {

    /** The API's base URL without a trailing slash. */
    String apiUrl();

    String token();
}
