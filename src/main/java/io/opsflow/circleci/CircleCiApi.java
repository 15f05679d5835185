package io.opsflow.circleci;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;

/** CircleCI's API v2 as a transport: {@code Circle-Token}, JSON both ways, {@code next_page_token} paging. */
final class CircleCiApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient outbound;
    private final CircleCiEndpoint endpoint;

    CircleCiApi(OutboundClient outbound, CircleCiEndpoint endpoint) {
        this.outbound = outbound;
        this.endpoint = endpoint;
    }

    /** @param pathAndQuery already encoded ({@link #segment}, {@link #slug}) */
    JsonNode call(HttpMethod method, String pathAndQuery, Map<String, Object> body) {
        String base = endpoint.apiUrl();
        OutboundRequest request = new OutboundRequest(method, URI.create(base + pathAndQuery), method + " " + pathAndQuery,
                headers -> {
                    headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
                    headers.set("Circle-Token", endpoint.token());
                }, body == null ? null : MediaType.APPLICATION_JSON, body == null ? null : write(body));
        return outbound.exchange(Destination.of("CircleCI", base), request, CircleCiErrors.INSTANCE, OutboundResponse::json);
    }

    /** The {@code items} of the list at {@code path}, following {@code next_page_token} up to {@code maxPages}. */
    List<JsonNode> items(String path, String query, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            String pageQuery = token == null ? query : (query.isEmpty() ? "" : query + "&") + query("page-token", token);
            JsonNode answer = call(HttpMethod.GET, path + (pageQuery.isEmpty() ? "" : "?" + pageQuery), null);
            answer.path("items").forEach(items::add);
            token = answer.path("next_page_token").asText(null);
            if (token == null || token.isEmpty()) {
                return items;
            }
        }
        return items;
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, UTF_8);
    }

    /** {@code gh/org/repo}: its slashes are path separators, as CircleCI's own clients send it. */
    static String slug(String projectSlug) {
        return UriUtils.encodePath(projectSlug, UTF_8);
    }

    static String query(String name, String value) {
        return name + "=" + UriUtils.encodeQueryParam(value, UTF_8);
    }

    private static byte[] write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
