package io.opsflow.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The error envelopes the sandbox's ARM answers with, as the services document them. */
final class ArmAnswers {

    private ArmAnswers() {
    }

    static ResponseEntity<?> armError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("code", code, "message", message)));
    }

    static ResponseEntity<?> notAllowed(HttpMethod method) {
        return armError(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", method + " is not allowed here");
    }

    /** Automation's own operations answer with a flat error body. */
    static ResponseEntity<?> automationError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "message", message));
    }

    /** Azure Lighthouse's delegation resources, at subscription or resource group scope. */
    static final Pattern LIGHTHOUSE = Pattern.compile("/subscriptions/[^/]+(/resourceGroups/[^/]+)?/providers/Microsoft\\.ManagedServices/"
            + "(registrationDefinitions|registrationAssignments)/[^/]+", Pattern.CASE_INSENSITIVE);

    /** {@code GET /subscriptions/{id}}: every subscription exists in the sandbox. */
    static Map<String, Object> subscription(String id) {
        return Map.of("id", "/subscriptions/" + id, "subscriptionId", id, "displayName", "Sandbox subscription " + id,
                "state", "Enabled", "authorizationSource", "RoleBased",
                "subscriptionPolicies", Map.of("locationPlacementId", "Public_2014-09-01", "quotaId", "PayAsYouGo_2014-09-01",
                        "spendingLimit", "Off"));
    }

    /** A Lighthouse PUT as stored: its type, and provisioning finished at once (the spec's LRO answers Succeeded directly). */
    static Map<String, Object> provisioned(String path, Map<String, Object> body) {
        Map<String, Object> resource = new LinkedHashMap<>(body == null ? Map.of() : body);
        Map<String, Object> properties = new LinkedHashMap<>(asMap(resource.get("properties")));
        properties.put("provisioningState", "Succeeded");
        resource.put("properties", properties);
        String[] segments = path.split("/");
        resource.put("type", "Microsoft.ManagedServices/" + segments[segments.length - 2]);
        return resource;
    }

    /** An assignment with its definition inlined, as {@code $expandRegistrationDefinition=true} answers. */
    static Map<String, Object> expanded(Map<String, Object> assignment, Function<String, Map<String, Object>> byId) {
        Map<String, Object> properties = new LinkedHashMap<>(asMap(assignment.get("properties")));
        Map<String, Object> definition = byId.apply(String.valueOf(properties.get("registrationDefinitionId")));
        if (definition != null) {
            properties.put("registrationDefinition", definition);
        }
        Map<String, Object> answer = new LinkedHashMap<>(assignment);
        answer.put("properties", properties);
        return answer;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
