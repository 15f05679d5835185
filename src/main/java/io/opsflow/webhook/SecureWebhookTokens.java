package io.opsflow.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Checks the {@code Authorization: Bearer} token an action group with {@code useAadAuth} sends:
 * signed by a key of the customer's Entra tenant (its JWKS), issued by that tenant (v1 or v2 form),
 * not expired, for one of the customer's audiences, carrying the required app role. One decoder
 * per tenant, each caching that tenant's keys (and fetching them again for an unknown key id, as
 * Entra rotates them). Only tenants of registry customers ever get a decoder.
 */
@Component
class SecureWebhookTokens {

    private final WebhookProperties.AzureMonitor properties;
    private final RestTemplate jwks;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    SecureWebhookTokens(WebhookProperties properties) {
        this.properties = properties.azureMonitor();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(this.properties.jwksTimeout());
        requests.setReadTimeout(this.properties.jwksTimeout());
        this.jwks = new RestTemplate(requests);
    }

    /**
     * @throws WebhookRejectedException 401 naming what is wrong with the token, 503 when the
     *                                  tenant's keys cannot be fetched
     */
    Jwt verify(String token, String customerId, String tenantId, List<String> audiences) {
        Jwt jwt;
        try {
            jwt = decoders.computeIfAbsent(tenantId.toLowerCase(), this::decoder).decode(token);
        } catch (JwtValidationException e) {
            throw WebhookRejectedException.unauthorized("The bearer token is not valid: " + String.join("; ",
                    e.getErrors().stream().map(OAuth2Error::getDescription).toList()));
        } catch (BadJwtException e) {
            // Signature, key id, algorithm or a token that is no JWT at all.
            throw WebhookRejectedException.unauthorized("The bearer token's signature does not verify against tenant "
                    + tenantId + "'s keys, or it is no signed JWT (" + e.getMessage() + ")");
        } catch (JwtException e) {
            throw WebhookRejectedException.unavailable("The signing keys of tenant " + tenantId + " cannot be fetched ("
                    + e.getMessage() + "); Azure Monitor retries");
        }
        if (jwt.getExpiresAt() == null) {
            throw WebhookRejectedException.unauthorized("The bearer token is not valid: it has no expiry (exp)");
        }
        List<String> tokenAudiences = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        if (tokenAudiences.stream().noneMatch(audiences::contains)) {
            throw WebhookRejectedException.unauthorized("The bearer token's audience " + tokenAudiences
                    + " is not customer '" + customerId + "''s " + audiences);
        }
        String role = properties.requiredRole();
        if (role != null && !role.isBlank()) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles == null || !roles.contains(role)) {
                throw WebhookRejectedException.unauthorized("The bearer token lacks the app role " + role
                        + " (roles " + (roles == null ? "absent" : roles) + "): assign it to Azure Monitor's service principal");
            }
        }
        return jwt;
    }

    private JwtDecoder decoder(String tenantId) {
        String base = properties.jwksBaseUrl().toString().replaceAll("/+$", "");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/" + tenantId + "/discovery/v2.0/keys")
                .restOperations(jwks).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), issuer(tenantId)));
        return decoder;
    }

    private OAuth2TokenValidator<Jwt> issuer(String tenantId) {
        List<String> accepted = new ArrayList<>();
        properties.issuers().forEach(template -> accepted.add(template.replace("{tenant}", tenantId)));
        return jwt -> {
            String issuer = jwt.getClaimAsString("iss");
            return accepted.contains(issuer) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "its issuer '" + issuer + "' is not tenant " + tenantId + " (" + String.join(" or ", accepted) + ")", null));
        };
    }
}
