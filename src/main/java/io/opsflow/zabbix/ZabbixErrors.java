package io.opsflow.zabbix;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/**
 * Zabbix's answers. Zabbix reports a refused call as HTTP 200 with a JSON-RPC {@code error}
 * object: permanent, except {@code -32603} (internal error), which a later attempt may not meet.
 * A 2xx that is no JSON-RPC answer (a proxy's page) is retried; other 4xx (a wrong URL, a frontend
 * refusing the token before the API sees it) are permanent. 429, 5xx and timeouts are the
 * outbound foundation's: retried, then unavailable.
 */
final class ZabbixErrors implements ErrorMapping {

    static final int INTERNAL_ERROR = -32603;

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        JsonNode body = response.json();
        if (!response.isSuccess()) {
            return Verdict.reject(new ZabbixException("Zabbix " + request.description() + ": HTTP " + response.status(), 0,
                    response.status() != 408, null));
        }
        JsonNode error = body.path("error");
        if (error.isObject()) {
            int code = error.path("code").asInt();
            return Verdict.reject(new ZabbixException("Zabbix " + request.description() + " refused: " + describeError(error), code,
                    code != INTERNAL_ERROR, null));
        }
        if (!body.has("result")) {
            return Verdict.retry("HTTP " + response.status() + " without a JSON-RPC result");
        }
        return Verdict.accept();
    }

    /** {@code [-32602] Invalid params. (Invalid parameter "/1/key_": ...)}. */
    static String describeError(JsonNode error) {
        String data = error.path("data").asText("");
        return "[" + error.path("code").asText() + "] " + error.path("message").asText("")
                + (data.isEmpty() ? "" : " (" + data + ")");
    }

    @Override
    public String describe(OutboundResponse response) {
        JsonNode error = response.json().path("error");
        return error.isObject() ? ": " + describeError(error) : "";
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        return new ZabbixException(message, 0, false, cause);
    }

    /** A customer's Zabbix is never marked gone; should it be, the call is unavailable, not permanent. */
    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return unavailable(message, answer, null);
    }
}
