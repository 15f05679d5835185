package io.opsflow.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/**
 * ServiceNow's answers as typed exceptions, with its {@code error.message} / {@code error.detail}.
 * One per call: a 401 under OAuth drops the cached token and is retried at once, once per call
 * (a token can be revoked before it expires).
 */
final class ServiceNowErrors implements ErrorMapping {

    private final ServiceNowCredentials credentials;
    private final boolean authenticated;
    private boolean tokenRenewed;

    ServiceNowErrors(ServiceNowCredentials credentials, boolean authenticated) {
        this.credentials = credentials;
        this.authenticated = authenticated;
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        int status = response.status();
        JsonNode body = TableApi.parse(response);
        if (response.isSuccess()) {
            return body.isMissingNode() ? Verdict.retry("HTTP " + status + " without a JSON body") : Verdict.accept();
        }
        if (status == 401 && authenticated && credentials.usesOAuth() && !tokenRenewed && !lastAttempt) {
            credentials.invalidate();
            tokenRenewed = true;
            return Verdict.retryAtOnce("HTTP 401 with a cached OAuth token");
        }
        String message = request.description() + ": HTTP " + status + errorText(body);
        String errorMessage = errorMessage(body);
        String errorDetail = errorDetail(body);
        return Verdict.reject(switch (status) {
            case 401 -> {
                credentials.invalidate();
                yield new ServiceNowUnauthorizedException(message, status, errorMessage, errorDetail);
            }
            case 403 -> new ServiceNowForbiddenException(message, status, errorMessage, errorDetail);
            case 404 -> new ServiceNowNotFoundException(message, status, errorMessage, errorDetail);
            default -> new ServiceNowBadRequestException(message, status, errorMessage, errorDetail);
        });
    }

    @Override
    public String describe(OutboundResponse response) {
        return errorText(TableApi.parse(response));
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        JsonNode body = last == null ? MissingNode.getInstance() : TableApi.parse(last);
        return new ServiceNowUnavailableException(message, last == null ? 0 : last.status(), errorMessage(body),
                errorDetail(body), cause);
    }

    /** A ServiceNow instance is never marked gone; should it be, the call is unavailable, not permanent. */
    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return unavailable(message, answer, null);
    }

    /**
     * The Table API answers {@code {"error": {"message", "detail"}}}; the OAuth endpoint
     * {@code {"error": "...", "error_description": "..."}}.
     */
    private static String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        return error.isTextual() ? error.asText() : textOrNull(error.path("message"));
    }

    private static String errorDetail(JsonNode body) {
        JsonNode error = body.path("error");
        return error.isTextual() ? textOrNull(body.path("error_description")) : textOrNull(error.path("detail"));
    }

    private static String errorText(JsonNode body) {
        String message = errorMessage(body);
        String detail = errorDetail(body);
        return (message == null ? "" : ": " + message) + (detail == null ? "" : " (" + detail + ")");
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
