package io.opsflow.servicenow;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;

/**
 * The Table API as a transport: builds {@code /api/now/table/...} requests against the endpoint of
 * the moment (and the Attachment API's), authenticates them, sends them through the outbound foundation with
 * {@link ServiceNowErrors}, and reads the JSON. The operations live in {@link IncidentTable},
 * {@link RequestedItemTable}, {@link JournalTable} and {@link TablePages}.
 */
final class TableApi {

    // sys_ids are 32 hex digits; checking keeps caller input out of the path.
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    private final OutboundClient outbound;
    private final ServiceNowEndpoint endpoint;
    private final ServiceNowCredentials credentials;
    private final ObjectMapper json = new ObjectMapper();

    TableApi(OutboundClient outbound, ServiceNowEndpoint endpoint, ServiceNowCredentials credentials) {
        this.outbound = outbound;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** One Table API (or token endpoint) request. */
    record Request(HttpMethod method, String path, Map<String, String> parameters, boolean authenticated,
            Map<String, String> json, MultiValueMap<String, String> form, Binary binary) {

        static Request table(HttpMethod method, String table, String sysId, Map<String, String> parameters) {
            String path = "/api/now/table/" + table + (sysId == null ? "" : "/" + sysId);
            return new Request(method, path, parameters, true, null, null, null);
        }

        /** The Attachment API ({@code /api/now/attachment...}), on the same transport and credentials. */
        static Request attachment(HttpMethod method, String path, Map<String, String> parameters) {
            return new Request(method, "/api/now/attachment" + path, parameters, true, null, null, null);
        }

        static Request form(String path, MultiValueMap<String, String> form) {
            return new Request(HttpMethod.POST, path, Map.of(), false, null, form, null);
        }

        Request withJson(Map<String, String> body) {
            return new Request(method, path, parameters, authenticated, body, form, binary);
        }

        Request withBinary(MediaType type, byte[] bytes) {
            return new Request(method, path, parameters, authenticated, json, form, new Binary(type, bytes));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A file's bytes sent as the request body, as the Attachment API takes them. */
    record Binary(MediaType type, byte[] bytes) {
    }

    /** A 2xx answer with its JSON body. */
    record Response(HttpHeaders headers, JsonNode body) {
    }

    <T> T call(Request request, Function<Response, T> mapper) {
        return call(request, mapper, Optional::empty);
    }

    /**
     * Sends the request within the retry bounds. Before each retry {@code recheck} may find that the
     * lost attempt already took effect.
     */
    <T> T call(Request request, Function<Response, T> mapper, Supplier<Optional<T>> recheck) {
        String baseUrl = endpoint.baseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("The ServiceNow base URL is empty: set OPSFLOW_SERVICENOW_BASE_URL");
        }
        String base = baseUrl.replaceAll("/+$", "");
        MediaType contentType = request.json() != null ? MediaType.APPLICATION_JSON
                : request.form() != null ? MediaType.APPLICATION_FORM_URLENCODED
                : request.binary() != null ? request.binary().type() : null;
        Object body = request.json() != null ? toJson(request.json())
                : request.binary() != null ? request.binary().bytes() : request.form();
        OutboundRequest outboundRequest = new OutboundRequest(request.method(), uri(base, request), request.toString(),
                headers -> {
                    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                    String authorization = request.authenticated() ? credentials.authorization(this) : null;
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                }, contentType, body);
        ServiceNowErrors errors = new ServiceNowErrors(credentials, request.authenticated());
        return outbound.exchange(Destination.of("ServiceNow", base), outboundRequest, errors,
                response -> mapper.apply(new Response(response.headers(), parse(response))), recheck);
    }

    private static URI uri(String base, Request request) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base).path(request.path());
        // Values go in as URI variables so that they are fully encoded ('+', '&', '=' included).
        request.parameters().keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(request.parameters()).toUri();
    }

    private byte[] toJson(Map<String, String> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON; missing when empty or not JSON (a proxy's or a hibernating instance's HTML page). */
    static JsonNode parse(OutboundResponse response) {
        if (response.body().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = new ObjectMapper().readTree(response.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    // --- helpers the operations share ---------------------------------------------------------

    static Map<String, String> recordParameters(String fields) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_fields", fields);
        parameters.put("sysparm_exclude_reference_link", "true");
        return parameters;
    }

    /** '^' separates encoded-query terms and cannot be escaped: a value holding one would change the query. */
    static String queryValue(String value) {
        if (value == null || value.isBlank() || value.contains("^")) {
            throw new IllegalArgumentException("Not usable in a ServiceNow query: " + value);
        }
        return value;
    }

    static String sysId(String sysId) {
        if (sysId == null || !SYS_ID.matcher(sysId).matches()) {
            throw new IllegalArgumentException("Not a sys_id: " + sysId);
        }
        return sysId;
    }

    static TableRecord result(Response response) {
        return TableRecord.from(response.body().path("result"), TableQuery.DisplayValue.FALSE);
    }

    static List<TableRecord> results(Response response, TableQuery.DisplayValue mode) {
        List<TableRecord> records = new ArrayList<>();
        response.body().path("result").forEach(result -> records.add(TableRecord.from(result, mode)));
        return records;
    }
}
