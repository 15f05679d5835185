package io.opsflow.servicenow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The {@code Authorization} header of each request: Basic as the integration user, or an OAuth 2.0
 * client-credentials token from {@code <instance>/oauth_token.do}, kept until shortly before it
 * expires and dropped when the instance refuses it.
 */
final class ServiceNowCredentials {

    private static final Logger log = LoggerFactory.getLogger(ServiceNowCredentials.class);

    private final ServiceNowProperties properties;
    private OAuthToken token;

    ServiceNowCredentials(ServiceNowProperties properties) {
        this.properties = properties;
    }

    private record OAuthToken(String value, Instant renewAt) {
    }

    boolean usesOAuth() {
        return properties.usesOAuth();
    }

    /** The header value, null when no credentials are configured (sandbox mode). */
    String authorization(TableApi api) {
        if (properties.usesOAuth()) {
            return "Bearer " + bearerToken(api);
        }
        if (properties.usesBasic()) {
            String password = properties.password() == null ? "" : properties.password();
            return "Basic " + HttpHeaders.encodeBasicAuth(properties.user(), password, StandardCharsets.UTF_8);
        }
        return null;
    }

    private synchronized String bearerToken(TableApi api) {
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.oauth().clientId());
        form.add("client_secret", properties.oauth().clientSecret());
        TableApi.Request request = TableApi.Request.form("/oauth_token.do", form);
        token = api.call(request, response -> {
            long expiresIn = response.body().path("expires_in").asLong();
            // Renew a little early so a token never expires between check and use.
            Duration lifetime = Duration.ofSeconds(expiresIn - Math.min(60, expiresIn / 10));
            return new OAuthToken(response.body().path("access_token").asText(), Instant.now().plus(lifetime));
        });
        log.info("Obtained a ServiceNow OAuth token for client {}", properties.oauth().clientId());
        return token.value();
    }

    synchronized void invalidate() {
        token = null;
    }
}
