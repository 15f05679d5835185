package io.opsflow.outbound;

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
}
