package io.opsflow.azure;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * The customer's monitored resources (VMs, App Service sites, SQL databases, AVD host pools and Log
 * Analytics workspaces) in its subscriptions, through one Azure Resource Graph query
 * ({@code POST /providers/Microsoft.ResourceGraph/resources}, api-version 2024-04-01). Pages are
 * followed with {@code options.$skipToken}, the query ordered by {@code id} as the service needs
 * for stable pages.
 */
public class ResourceGraphInventory {

    static final String API_VERSION = "2024-04-01";
    static final String PATH = "/providers/Microsoft.ResourceGraph/resources";
    static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 100;

    private final ArmClient arm;

    ResourceGraphInventory(ArmClient arm) {
        this.arm = arm;
    }

    /** Empty for a customer without subscriptions; the system database {@code master} is not a customer's. */
    public List<MonitoredResource> monitoredResources(Customer customer) {
        List<String> subscriptions = customer.azure() == null ? List.of() : customer.azure().subscriptionIds();
        if (subscriptions.isEmpty()) {
            return List.of();
        }
        List<MonitoredResource> resources = new ArrayList<>();
        String skipToken = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = arm.send(customer, ArmRequest.post(PATH, API_VERSION, body(subscriptions, skipToken))).json();
            for (JsonNode row : page.path("data")) {
                MonitoredResource.Kind.ofArmType(row.path("type").asText())
                        .ifPresent(kind -> resources.add(new MonitoredResource(row.path("id").asText(), row.path("name").asText(), kind)));
            }
            skipToken = page.path("$skipToken").asText(null);
            if (skipToken == null || skipToken.isBlank()) {
                return resources;
            }
        }
        throw new ArmException(200, "TooManyPages", "More than " + MAX_PAGES + " Resource Graph pages", null);
    }

    static String query() {
        StringBuilder types = new StringBuilder();
        for (MonitoredResource.Kind kind : MonitoredResource.Kind.values()) {
            types.append(types.isEmpty() ? "" : ", ").append('\'').append(kind.lowerCaseType()).append('\'');
        }
        return "resources | where type in~ (" + types + ")"
                + " | where not(type =~ 'microsoft.sql/servers/databases' and name =~ 'master')"
                + " | project id, name, type | order by id asc";
    }

    private static ObjectNode body(List<String> subscriptions, String skipToken) {
        ObjectNode body = ArmResponse.JSON.createObjectNode();
        subscriptions.forEach(body.putArray("subscriptions")::add);
        body.put("query", query());
        ObjectNode options = body.putObject("options");
        options.put("$top", PAGE_SIZE);
        options.put("resultFormat", "objectArray");
        if (skipToken != null) {
            options.put("$skipToken", skipToken);
        }
        return body;
    }
}
