package io.opsflow.outbound;

import java.net.URI;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One request, sent once per attempt.
 *
 * @param description what logs and messages call it ({@code GET /api/now/table/incident/…}); never
 *                    a secret URL, never a header
 * @param headers     applied at every attempt, so a renewed credential is used on the retry
 * @param contentType null without a body
 * @param body        bytes, a form map, anything WebClient's codecs write; null for none
 */
public record OutboundRequest(HttpMethod method, URI uri, String description, Consumer<HttpHeaders> headers,
        MediaType contentType, Object body) {

    public OutboundRequest {
        headers = headers == null ? h -> { } : headers;
    }

    @Override
    public String toString() {
        return description;
    }
}
