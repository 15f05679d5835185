package io.opsflow.azure;

import java.util.LinkedHashMap;
import java.util.Map;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One ARM call: method, resource path ({@code /subscriptions/...}, segments already encoded, see
 * {@link ArmPath}), api-version, further query parameters ({@code $filter}, {@code $top}), an optional
 * JSON body, the media type accepted and further request headers ({@code Accept-Language}).
 */
public record ArmRequest(HttpMethod method, String path, String apiVersion, Map<String, String> query,
                         JsonNode body, String accept, Map<String, String> headers) {

    public ArmRequest {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("Not an ARM resource path: " + path);
        }
        query = query == null ? Map.of() : Map.copyOf(query);
        accept = accept == null ? "application/json" : accept;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ArmRequest get(String path, String apiVersion) {
        return new ArmRequest(HttpMethod.GET, path, apiVersion, null, null, null, null);
    }

    public static ArmRequest put(String path, String apiVersion, JsonNode body) {
        return new ArmRequest(HttpMethod.PUT, path, apiVersion, null, body, null, null);
    }

    public static ArmRequest post(String path, String apiVersion) {
        return new ArmRequest(HttpMethod.POST, path, apiVersion, null, null, null, null);
    }

    public ArmRequest withQuery(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new ArmRequest(method, path, apiVersion, more, body, accept, headers);
    }

    public ArmRequest accepting(String mediaType) {
        return new ArmRequest(method, path, apiVersion, query, body, mediaType, headers);
    }

    public static ArmRequest post(String path, String apiVersion, JsonNode body) {
        return new ArmRequest(HttpMethod.POST, path, apiVersion, null, body, null, null);
    }

    public static ArmRequest patch(String path, String apiVersion, JsonNode body) {
        return new ArmRequest(HttpMethod.PATCH, path, apiVersion, null, body, null, null);
    }

    public ArmRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ArmRequest(method, path, apiVersion, query, body, accept, more);
    }
}
