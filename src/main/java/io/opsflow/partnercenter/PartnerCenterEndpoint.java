package io.opsflow.partnercenter;

/**
 * Where Partner Center and its token endpoint are, asked at each request: in production the
 * configured URLs; in sandbox mode the application's own simulator, whose port is known only after start.
 */
public interface PartnerCenterEndpoint {

    /** The REST API's base URL without a trailing slash. */
    String baseUrl();

    /** The Entra ID authority without a trailing slash; the token endpoint is {@code <authority>/<tenant>/oauth2/token}. */
    String authority();

    /** The value of the environment variable {@code name} (a secret); sandbox mode answers stand-ins. */
    default String secret(String name) {
        return System.getenv(name);
    }
}
