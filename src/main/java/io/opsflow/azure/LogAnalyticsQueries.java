package io.opsflow.azure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * KQL queries on a customer's Log Analytics workspace through ARM's workspace query route
 * ({@code POST {workspaceResourceId}/query}, api-version 2017-10-01, body {@code {query, timespan}}),
 * so they use the customer's ARM credential like every other call. The answer is
 * {@code tables[{name, columns[{name,type}], rows[[...]]}]}; the first table is the result.
 */
public class LogAnalyticsQueries {

    static final String API_VERSION = "2017-10-01";

    private final ArmClient arm;

    LogAnalyticsQueries(ArmClient arm) {
        this.arm = arm;
    }

    /** The result rows as column → value; empty when the workspace is gone (404). */
    public Optional<List<Map<String, JsonNode>>> query(Customer customer, String workspaceResourceId, String kql, Instant from,
                                                       Instant to) {
        ObjectNode body = ArmResponse.JSON.createObjectNode();
        body.put("query", kql);
        body.put("timespan", from + "/" + to);
        return arm.find(customer, ArmRequest.post(MonitorPaths.under(workspaceResourceId, "query"), API_VERSION, body))
                .map(response -> rows(response.json()));
    }

    static List<Map<String, JsonNode>> rows(JsonNode body) {
        JsonNode table = body.path("tables").path(0);
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(c -> columns.add(c.path("name").asText()));
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            Map<String, JsonNode> named = new LinkedHashMap<>();
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                named.put(columns.get(i), row.get(i));
            }
            rows.add(named);
        }
        return rows;
    }
}
