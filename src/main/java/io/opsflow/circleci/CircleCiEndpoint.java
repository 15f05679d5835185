package io.opsflow.circleci;

/** Where CircleCI's API is and the token to call it with, asked at every request (the sandbox's port comes late). */
public interface CircleCiEndpoint {

    /** The API's base URL without a trailing slash, {@code .../api/v2}. */
    String apiUrl();

    String token();
}
