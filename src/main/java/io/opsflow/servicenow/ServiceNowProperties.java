package io.opsflow.servicenow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * The MSP's ServiceNow instance. {@code baseUrl} may be absent: sandbox mode then serves its own
 * {@link ServiceNowEndpoint}. Credentials come from the environment only
 * ({@code OPSFLOW_SERVICENOW_USER} / {@code _PASSWORD}, or {@code OPSFLOW_SERVICENOW_OAUTH_CLIENTID} /
 * {@code _CLIENTSECRET}); OAuth is used when a client id is set, Basic otherwise. Timeouts and
 * retry bounds use the outbound foundation's names ({@link OutboundSettings}).
 */
@ConfigurationProperties("opsflow.servicenow")
public record ServiceNowProperties(
        String baseUrl,
        String user,
        String password,
        OAuth oauth,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue Retry retry) implements OutboundSettings {

    boolean usesOAuth() {
        return oauth != null && oauth.clientId() != null && !oauth.clientId().isBlank();
    }

    boolean usesBasic() {
        return !usesOAuth() && user != null && !user.isBlank();
    }

    @Override
    public String toString() {
        return "ServiceNowProperties[baseUrl=" + baseUrl + ", user=" + user + ", password=" + secret(password)
                + ", oauth=" + oauth + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retry=" + retry + "]";
    }

    static String secret(String value) {
        return value == null || value.isEmpty() ? "<none>" : "<set>";
    }

    /** OAuth2 client credentials registered in the instance's Application Registry. */
    public record OAuth(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", clientSecret=" + secret(clientSecret) + "]";
        }
    }

    /**
     * Bounds on retrying 429, 5xx and timeouts. With the defaults a call gives up within about
     * 4 × read timeout + 7 s, well inside the job executor's 5 minute lock, and the job's retry
     * cycle takes over from there.
     *
     * @param maxAttempts    attempts per call, the first included
     * @param initialBackoff wait before the second attempt, doubled before each further one
     * @param maxBackoff     cap on that wait
     * @param maxRetryAfter  longest {@code Retry-After} waited in-process; a longer one fails the call at once,
     *                       and every call to the instance on this node until it has passed
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
