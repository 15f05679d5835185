package io.opsflow.circleci;

import java.util.function.Supplier;

/** Where CircleCI's API is and the token to call it with, asked at every request (the sandbox's port comes late). */
public interface CircleCiEndpoint {

    /** The API's base URL without a trailing slash, {@code .../api/v2}. */
    String apiUrl();

    String token();

    static CircleCiEndpoint of(Supplier<String> apiUrl, Supplier<String> token) {
        return new CircleCiEndpoint() {
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
