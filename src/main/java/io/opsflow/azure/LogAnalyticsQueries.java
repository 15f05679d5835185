package io.opsflow.azure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * KQL queries on a customer's Log Analytics workspace through ARM's workspace query route
 * ({@code POST {workspaceResourceId}/query}, api-version 2017-10-01, body {@code {query, timespan}}),
 * so they use the customer's ARM credential like every other call. The answer is
 * {@code tables[{name, columns[{name,type}], rows[[...]]}]}; the first table is the result, and
 * the 2017-10-01 contract types its cells as strings ({@code "12"}), which are read as numbers too.
 */
public class LogAnalyticsQueries {

    static final String API_VERSION = "2017-10-01";

    /**
     * {@code union isfuzzy=true} with an empty typed table: a workspace that never received the table
     * (no AVD there, no agent) answers no rows instead of a 400 for an unknown table.
     */
    static final String HEARTBEAT_HOURS = "union isfuzzy=true (datatable(TimeGenerated: datetime, _ResourceId: string)[]), (Heartbeat)"
            + " | where TimeGenerated >= datetime(%1$s) and TimeGenerated < datetime(%2$s)"
            + " | summarize by resourceId = tolower(_ResourceId), hour = bin(TimeGenerated, 1h)"
            + " | summarize hours = count() by resourceId";
    static final String AVD_CONNECTIONS = "union isfuzzy=true (datatable(TimeGenerated: datetime, State: string,"
            + " CorrelationId: string, UserName: string, _ResourceId: string)[]), (WVDConnections)"
            + " | where TimeGenerated >= datetime(%1$s) and TimeGenerated < datetime(%2$s) and State == 'Connected'"
            + " | summarize sessions = count_distinct(CorrelationId), users = count_distinct(UserName) by hostPool = tolower(_ResourceId)";

    private final ArmClient arm;

    LogAnalyticsQueries(ArmClient arm) {
        this.arm = arm;
    }

    /**
     * Per resource (lower-case id) the hours in [{@code from}, {@code to}) with at least one
     * {@code Heartbeat}; exact ({@code count()} of hour bins, not {@code dcount}). Empty when the
     * workspace is gone (404).
     */
    public Map<String, Long> heartbeatHours(Customer customer, String workspaceResourceId, Instant from, Instant to) {
        Map<String, Long> hours = new HashMap<>();
        for (Map<String, JsonNode> row : query(customer, workspaceResourceId, HEARTBEAT_HOURS, from, to).orElse(List.of())) {
            key(row, "resourceId").ifPresent(id -> hours.put(id, number(row.get("hours"))));
        }
        return hours;
    }

    /** Per AVD host pool (lower-case id) its sessions and distinct users in [{@code from}, {@code to}), counted exactly. */
    public Map<String, AvdUsage> avdUsage(Customer customer, String workspaceResourceId, Instant from, Instant to) {
        Map<String, AvdUsage> usage = new HashMap<>();
        for (Map<String, JsonNode> row : query(customer, workspaceResourceId, AVD_CONNECTIONS, from, to).orElse(List.of())) {
            key(row, "hostPool").ifPresent(id -> usage.put(id, new AvdUsage(number(row.get("sessions")), number(row.get("users")))));
        }
        return usage;
    }

    /** The result rows as column → cell; empty when the workspace is gone (404). */
    Optional<List<Map<String, JsonNode>>> query(Customer customer, String workspaceResourceId, String kqlFormat, Instant from,
                                                Instant to) {
        ObjectNode body = ArmResponse.JSON.createObjectNode();
        body.put("query", String.format(Locale.ROOT, kqlFormat, from, to));
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

    private static Optional<String> key(Map<String, JsonNode> row, String column) {
        JsonNode id = row.get(column);
        return id == null || id.isNull() || id.asText().isBlank() ? Optional.empty() : Optional.of(id.asText().toLowerCase(Locale.ROOT));
    }

    /** A count cell, number or string; a missing or unreadable one counts nothing. */
    static long number(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return 0;
        }
        if (cell.isNumber()) {
            return cell.asLong();
        }
        try {
            return (long) Double.parseDouble(cell.asText());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
