package io.opsflow.github;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.opsflow.outbound.Timing;

/** GitHub's REST API as a transport: the pinned headers, the token of the moment, JSON both ways. */
final class GitHubApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient outbound;
    private final GitHubEndpoint endpoint;
    private final GitHubProperties properties;
    private final Timing timing;

    GitHubApi(OutboundClient outbound, GitHubEndpoint endpoint, GitHubProperties properties, Timing timing) {
        this.outbound = outbound;
        this.endpoint = endpoint;
        this.properties = properties;
        this.timing = timing;
    }

    /** An answer whose status is 2xx or one of those the call expected. */
    record Answer(int status, JsonNode body) {
    }

    /**
     * @param path     already encoded ({@link #segment}, {@link #path})
     * @param query    values are encoded here
     * @param expected non-2xx statuses the operation reads itself
     */
    Answer call(HttpMethod method, String path, Map<String, String> query, Map<String, Object> body, Integer... expected) {
        String queryText = query.isEmpty() ? "" : query.entrySet().stream()
                .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), UTF_8))
                .collect(Collectors.joining("&", "?", ""));
        String base = endpoint.apiUrl();
        OutboundRequest request = new OutboundRequest(method, URI.create(base + path + queryText), method + " " + path,
                headers -> {
                    headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
                    headers.set("X-GitHub-Api-Version", properties.apiVersion());
                    headers.set(HttpHeaders.USER_AGENT, "opsflow");
                    headers.setBearerAuth(endpoint.token());
                }, body == null ? null : MediaType.APPLICATION_JSON, body == null ? null : write(body));
        GitHubErrors errors = new GitHubErrors(Set.of(expected), timing, properties.retry().maxRetryAfter());
        return outbound.exchange(Destination.of("GitHub", base), request, errors,
                response -> new Answer(response.status(), response.json()));
    }

    /** One path segment (owner, repository name, pull number), encoded. */
    static String segment(String value) {
        return UriUtils.encodePathSegment(value, UTF_8);
    }

    /** A file path or branch name whose slashes stay separators. */
    static String path(String value) {
        return UriUtils.encodePath(value, UTF_8);
    }

    static String repo(String owner, String repo) {
        return "/repos/" + segment(owner) + "/" + segment(repo);
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
