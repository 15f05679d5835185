package io.opsflow.partnercenter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.outbound.Destination;
import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Timing;
import io.opsflow.outbound.Verdict;

/**
 * The App+User access token of the secure application model: the refresh token of the one-time,
 * MFA-backed consent exchanged at the partner tenant's v1 token endpoint, kept until five minutes
 * before {@code expires_on}. A refused refresh token or secret is a configuration error naming the
 * environment variable to renew; neither value is ever logged or put in a message.
 */
final class PartnerCenterToken {

    static final String RESOURCE = "https://api.partnercenter.microsoft.com";

    private static final Logger log = LoggerFactory.getLogger(PartnerCenterToken.class);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final OutboundClient outbound;
    private final PartnerCenterProperties properties;
    private final String partnerTenantId;
    private final Supplier<PartnerCenterEndpoint> endpoint;
    private final Timing timing;
    private Cached cached;

    PartnerCenterToken(OutboundClient outbound, PartnerCenterProperties properties, Supplier<PartnerCenterEndpoint> endpoint,
            Timing timing) {
        this.outbound = outbound;
        this.properties = properties;
        this.partnerTenantId = properties.partnerTenantId();
        this.endpoint = endpoint;
        this.timing = timing;
    }

    private record Cached(String value, Instant renewAt) {
    }

    synchronized String accessToken() {
        if (cached != null && timing.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        PartnerCenterEndpoint target = endpoint.get();
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            throw configuration("no application: set opsflow.partner-center.client-id");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("resource", RESOURCE);
        form.add("client_id", properties.clientId());
        form.add("client_secret", required(target, properties.clientSecretVariable()));
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", required(target, properties.refreshTokenVariable()));
        form.add("scope", "openid");
        String authority = target.authority().replaceAll("/+$", "");
        OutboundRequest request = new OutboundRequest(HttpMethod.POST,
                UriComponentsBuilder.fromUriString(authority).path("/{tenant}/oauth2/token").build(partnerTenantId),
                "POST /" + partnerTenantId + "/oauth2/token",
                headers -> headers.setAccept(List.of(MediaType.APPLICATION_JSON)),
                MediaType.APPLICATION_FORM_URLENCODED, form);
        cached = outbound.exchange(Destination.of("Microsoft Entra ID", authority), request, new TokenErrors(),
                this::read);
        log.info("Obtained a Partner Center App+User token for application {}", properties.clientId());
        return cached.value();
    }

    synchronized void invalidate() {
        cached = null;
    }

    private Cached read(OutboundResponse response) {
        JsonNode body = PartnerCenterErrors.parse(response);
        Instant now = timing.now();
        // v1 endpoints send the times as strings.
        long expiresOn = body.path("expires_on").asLong(0);
        Instant expires = expiresOn > 0 ? Instant.ofEpochSecond(expiresOn)
                : now.plusSeconds(body.path("expires_in").asLong(0));
        Instant renewAt = expires.minus(RENEW_BEFORE);
        return new Cached(body.path("access_token").asText(), renewAt.isAfter(now) ? renewAt : now);
    }

    private String required(PartnerCenterEndpoint target, String variable) {
        String value = target.secret(variable);
        if (value == null || value.isBlank()) {
            throw configuration("the environment variable " + variable + " is not set");
        }
        return value;
    }

    private PartnerCenterConfigurationException configuration(String problem) {
        return new PartnerCenterConfigurationException("Partner Center token for tenant " + partnerTenantId + ": "
                + problem, 0, null, null);
    }

    /** Entra ID's answers: {@code {error, error_description, error_codes}}; every refusal is a configuration error. */
    private final class TokenErrors implements ErrorMapping {

        @Override
        public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
            JsonNode body = PartnerCenterErrors.parse(response);
            if (response.isSuccess()) {
                return body.path("access_token").isTextual() ? Verdict.accept()
                        : Verdict.retry("HTTP " + response.status() + " without an access_token");
            }
            String error = PartnerCenterErrors.text(body.path("error"));
            String fix;
            if ("invalid_grant".equals(error) || refusesAudience(body)) {
                fix = "the refresh token is refused (expired, revoked or for another audience): repeat the one-time"
                        + " consent and put the new refresh token in " + properties.refreshTokenVariable();
            } else if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                fix = "application " + properties.clientId() + " is refused: check its client secret in "
                        + properties.clientSecretVariable();
            } else {
                fix = "check opsflow.partner-center.client-id and partner-tenant-id";
            }
            return Verdict.reject(new PartnerCenterConfigurationException(request.description() + ": HTTP "
                    + response.status() + describe(response) + "; " + fix, response.status(),
                    refusesAudience(body) ? PartnerCenterErrors.AUDIENCE_REFUSED : error, description(body)));
        }

        @Override
        public String describe(OutboundResponse response) {
            JsonNode body = PartnerCenterErrors.parse(response);
            String error = PartnerCenterErrors.text(body.path("error"));
            String code = PartnerCenterErrors.code(body);
            String description = description(body);
            String what = error != null ? error : code;
            return (what == null ? "" : ": " + what) + (description == null ? "" : " (" + description + ")");
        }

        @Override
        public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
            return new PartnerCenterUnavailableException(message, last == null ? 0 : last.status(), null, null, cause);
        }

        @Override
        public RuntimeException gone(String message, OutboundResponse answer) {
            return unavailable(message, answer, null);
        }

        private static boolean refusesAudience(JsonNode body) {
            if (PartnerCenterErrors.AUDIENCE_REFUSED.equals(PartnerCenterErrors.code(body))) {
                return true;
            }
            for (JsonNode code : body.path("error_codes")) {
                if (PartnerCenterErrors.AUDIENCE_REFUSED.equals(code.asText())) {
                    return true;
                }
            }
            return false;
        }

        /** The first line of Entra's description (the rest is trace and correlation ids), or Partner Center's. */
        private static String description(JsonNode body) {
            String text = PartnerCenterErrors.text(body.path("error_description"));
            if (text == null) {
                text = PartnerCenterErrors.text(body.path("description"));
            }
            return text == null ? null : text.lines().findFirst().orElse(text);
        }
    }
}
