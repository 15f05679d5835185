package io.opsflow.azure;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.opsflow.customer.Customer;

/**
 * The api-version a generic GET of a resource must carry: one its own provider supports. The types
 * opsflow monitors have a known stable version (no call, and the sandbox's ARM serves no providers);
 * any other type asks its provider once ({@code GET /subscriptions/{id}/providers/{namespace}},
 * {@code resourceTypes[].apiVersions}) and keeps the newest stable version for this bean's life.
 */
final class ResourceApiVersions {

    private static final Map<String, String> KNOWN = Map.of(
            "microsoft.compute/virtualmachines", "2024-11-01",
            "microsoft.web/sites", "2024-04-01",
            "microsoft.sql/servers", "2023-08-01",
            "microsoft.sql/servers/databases", "2023-08-01",
            "microsoft.operationalinsights/workspaces", "2023-09-01",
            "microsoft.automation/automationaccounts", "2023-11-01",
            "microsoft.insights/actiongroups", "2023-01-01",
            "microsoft.documentdb/databaseaccounts", "2024-11-15",
            "microsoft.desktopvirtualization/hostpools", "2024-04-03",
            "microsoft.storage/storageaccounts", "2023-05-01");

    private final ArmClient arm;
    private final Map<String, String> asked = new ConcurrentHashMap<>();

    ResourceApiVersions(ArmClient arm) {
        this.arm = arm;
    }

    /** Empty when the provider lists no stable version for the type, does not know it, or is not there (404). */
    Optional<String> of(Customer customer, String resourceId) {
        String typeAsWritten = typeOf(resourceId);
        String type = typeAsWritten.toLowerCase(Locale.ROOT);
        String known = KNOWN.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        String cached = asked.get(type);
        if (cached != null) {
            return Optional.of(cached);
        }
        String[] segments = resourceId.substring(1).split("/");
        String namespace = typeAsWritten.substring(0, typeAsWritten.indexOf('/'));
        Optional<JsonNode> provider = arm.find(customer, ArmRequest.get(ArmPath.of("subscriptions", segments[1], "providers", namespace),
                AzureResources.API_VERSION)).map(ArmResponse::json);
        String wanted = type.substring(namespace.length() + 1);
        for (JsonNode resourceType : provider.map(p -> p.path("resourceTypes")).orElse(MissingNode.getInstance())) {
            if (resourceType.path("resourceType").asText().equalsIgnoreCase(wanted)) {
                Optional<String> newest = newestStable(resourceType.path("apiVersions"));
                newest.ifPresent(version -> asked.put(type, version));
                return newest;
            }
        }
        return Optional.empty();
    }

    /** ISO dates sort as text; previews ({@code 2025-01-01-preview}) are left out. */
    private static Optional<String> newestStable(JsonNode versions) {
        String newest = null;
        for (JsonNode version : versions) {
            String v = version.asText();
            if (!v.contains("-preview") && !v.contains("-beta") && (newest == null || v.compareTo(newest) > 0)) {
                newest = v;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * {@code Microsoft.Sql/servers/databases} from {@code /subscriptions/…/providers/Microsoft.Sql/servers/s/databases/d}:
     * the namespace after the last {@code providers} and every other segment after it.
     */
    static String typeOf(String resourceId) {
        String[] segments = resourceId.split("/");
        int providers = -1;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("providers")) {
                providers = i;
            }
        }
        if (providers < 0 || providers + 3 > segments.length) {
            throw new IllegalArgumentException("Not a resource id: " + resourceId);
        }
        StringBuilder type = new StringBuilder(segments[providers + 1]);
        for (int i = providers + 2; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }
}
