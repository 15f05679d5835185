package io.opsflow.partnercenter;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/**
 * Partner Center's answers ({@code {code, description, data, source}} on errors) as typed exceptions,
 * one instance per call. A 401 drops the cached token and is retried at once, once per call; the
 * "busy" conflicts 800064 (cart being processed) and 800060 (order in progress) are retried after the
 * back-off; 900420 (token audience refused) is a configuration error; every other 4xx is a refusal.
 */
final class PartnerCenterErrors implements ErrorMapping {

    static final Set<String> BUSY = Set.of("800064", "800060");
    static final String AUDIENCE_REFUSED = "900420";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerCenterToken token;
    private final Set<Integer> accepted;
    private boolean tokenRenewed;

    /** @param accepted statuses beyond 2xx that are answers, not errors (404 of the domain check) */
    PartnerCenterErrors(PartnerCenterToken token, Set<Integer> accepted) {
        this.token = token;
        this.accepted = accepted;
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        int status = response.status();
        if (response.isSuccess() || accepted.contains(status)) {
            return Verdict.accept();
        }
        JsonNode body = parse(response);
        String code = code(body);
        String description = text(body.path("description"));
        String message = request.description() + ": HTTP " + status + describe(response);
        if (AUDIENCE_REFUSED.equals(code)) {
            token.invalidate();
            return Verdict.reject(new PartnerCenterConfigurationException(message + "; the token's audience is refused:"
                    + " opsflow asks for resource " + PartnerCenterToken.RESOURCE + " with App+User, check the application's"
                    + " API permissions and consent", status, code, description));
        }
        if (status == 401) {
            token.invalidate();
            if (!tokenRenewed && !lastAttempt) {
                tokenRenewed = true;
                return Verdict.retryAtOnce("HTTP 401 with a cached token");
            }
            return Verdict.reject(new PartnerCenterConfigurationException(message + "; Partner Center refuses a fresh"
                    + " token: check the account's Partner Center roles and the application's consent", status, code,
                    description));
        }
        if (status == 409 && BUSY.contains(code)) {
            return Verdict.retry("HTTP 409 " + code + " (busy)");
        }
        return Verdict.reject(new PartnerCenterRejectedException(message, status, code, description));
    }

    @Override
    public String describe(OutboundResponse response) {
        JsonNode body = parse(response);
        String code = code(body);
        String description = text(body.path("description"));
        if (description == null) {
            // The throttling answer: {"statusCode":429,"message":"..."}
            description = text(body.path("message"));
        }
        return (code == null ? "" : ": " + code) + (description == null ? "" : (code == null ? ": " : " ") + description);
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        JsonNode body = last == null ? MissingNode.getInstance() : parse(last);
        return new PartnerCenterUnavailableException(message, last == null ? 0 : last.status(), code(body),
                text(body.path("description")), cause);
    }

    /** Partner Center is never marked gone; should it be, the call is unavailable, not permanent. */
    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return unavailable(message, answer, null);
    }

    /** The body as JSON; missing when empty or not JSON (a gateway's HTML page). */
    static JsonNode parse(OutboundResponse response) {
        if (response.body().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The docs type {@code code} as a string and list numbers: either is read as text. */
    static String code(JsonNode body) {
        return text(body.path("code"));
    }

    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }
}
