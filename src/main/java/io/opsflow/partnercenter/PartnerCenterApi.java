package io.opsflow.partnercenter;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;

/**
 * Partner Center's REST API as a transport: builds {@code /v1/...} requests against the endpoint of
 * the moment with the documented headers, sends them through the outbound foundation with
 * {@link PartnerCenterErrors}, and reads the JSON. {@code MS-RequestId} is fixed per call, so every
 * retry of a creating POST carries the caller's idempotency key.
 */
final class PartnerCenterApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient outbound;
    private final PartnerCenterToken token;
    private final Supplier<PartnerCenterEndpoint> endpoint;
    private final String locale;

    PartnerCenterApi(OutboundClient outbound, PartnerCenterToken token, Supplier<PartnerCenterEndpoint> endpoint,
            String locale) {
        this.outbound = outbound;
        this.token = token;
        this.endpoint = endpoint;
        this.locale = locale;
    }

    /**
     * One request. {@code path} is a URI template ({@code /v1/customers/{id}}) expanded with
     * {@code variables}, fully encoded; {@code requestId} null means a fresh one for the call.
     */
    record Call(HttpMethod method, String path, List<Object> variables, Map<String, String> query, Object body,
            UUID requestId, UUID correlationId, Set<Integer> accepted) {

        static Call get(String path, Object... variables) {
            return new Call(HttpMethod.GET, path, List.of(variables), Map.of(), null, null, null, Set.of());
        }

        static Call post(String path, Object body, Object... variables) {
            return new Call(HttpMethod.POST, path, List.of(variables), Map.of(), body, null, null, Set.of());
        }

        /** HEAD, with {@code accepted} statuses that answer rather than fail. */
        static Call head(String path, Set<Integer> accepted, Object... variables) {
            return new Call(HttpMethod.HEAD, path, List.of(variables), Map.of(), null, null, null, accepted);
        }

        Call query(Map<String, String> parameters) {
            return new Call(method, path, variables, parameters, body, requestId, correlationId, accepted);
        }

        Call ids(UUID request, UUID correlation) {
            return new Call(method, path, variables, query, body, request, correlation, accepted);
        }
    }

    /** The answer: its status and JSON body (missing when empty). */
    record Answer(int status, JsonNode body) {
    }

    JsonNode json(Call call) {
        return call(call, Answer::body);
    }

    <T> T call(Call call, Function<Answer, T> mapper) {
        String base = endpoint.get().baseUrl().replaceAll("/+$", "");
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base).path(call.path());
        call.query().keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
        Map<String, Object> values = new HashMap<>(call.query());
        URI uri = builder.encode().buildAndExpand(expand(call, values)).toUri();
        String description = call.method() + " " + UriComponentsBuilder.fromPath(call.path()).encode()
                .buildAndExpand(call.variables().toArray()).toUriString();
        String requestId = (call.requestId() == null ? UUID.randomUUID() : call.requestId()).toString();
        String correlationId = (call.correlationId() == null ? UUID.randomUUID() : call.correlationId()).toString();
        OutboundRequest request = new OutboundRequest(call.method(), uri, description, headers -> {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            headers.setBearerAuth(token.accessToken());
            headers.set("MS-RequestId", requestId);
            headers.set("MS-CorrelationId", correlationId);
            headers.set("X-Locale", locale);
        }, call.method() == HttpMethod.POST ? MediaType.APPLICATION_JSON : null, body(call));
        return outbound.exchange(Destination.of("Partner Center", base), request,
                new PartnerCenterErrors(token, call.accepted()),
                response -> mapper.apply(new Answer(response.status(), PartnerCenterErrors.parse(response))));
    }

    /** Path variables by position and query values by name, in one map as UriComponents expands them. */
    private static Map<String, Object> expand(Call call, Map<String, Object> values) {
        List<String> names = UriComponentsBuilder.fromPath(call.path()).build().getPathSegments().stream()
                .filter(segment -> segment.startsWith("{") && segment.endsWith("}"))
                .map(segment -> segment.substring(1, segment.length() - 1)).toList();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), call.variables().get(i));
        }
        return values;
    }

    /** POST always has a body: a checkout sends an empty one ({@code Content-Length: 0}). */
    private static Object body(Call call) {
        if (call.method() != HttpMethod.POST) {
            return null;
        }
        if (call.body() == null) {
            return new byte[0];
        }
        try {
            return JSON.writeValueAsBytes(call.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
