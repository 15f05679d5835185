package io.opsflow.outbound;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/** An answer as it came: status, headers and the whole body (empty array when there was none). */
public record OutboundResponse(int status, HttpHeaders headers, byte[] body) {

    public OutboundResponse {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? HttpHeaders.EMPTY : headers;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a missing node when there is none or it is not JSON (an error page from a proxy). */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
