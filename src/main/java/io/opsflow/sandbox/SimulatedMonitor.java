package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Azure Monitor's read side for sandbox mode, over the simulator's seeded resources: Resource Graph
 * inventory ({@code $skipToken} pages), hourly platform metrics, Resource Health history
 * ({@code nextLink} pages) and the workspace query route for heartbeats and AVD connections. The
 * numbers come from {@link SimulatedSignals}: plausible, and the same on every call.
 */
final class SimulatedMonitor {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    static final Pattern ANY = Pattern.compile("/providers/Microsoft\\.(ResourceGraph/resources$|Insights/metrics$"
            + "|Insights/metricDefinitions$|ResourceHealth/availabilityStatuses$)"
            + "|/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+/query$", FLAGS);
    private static final Pattern OWNER = Pattern.compile("^(/subscriptions/.+?)/providers/Microsoft\\.(Insights|ResourceHealth)/.+$", FLAGS);
    private static final Pattern WORKSPACE_QUERY = Pattern.compile("^(/subscriptions/([^/]+)/.+)/query$", FLAGS);
    private static final Set<String> MONITORED = Set.of("microsoft.compute/virtualmachines", "microsoft.web/sites",
            "microsoft.sql/servers/databases", "microsoft.desktopvirtualization/hostpools", "microsoft.operationalinsights/workspaces");
    /** Resource Graph pages of this many rows at most, so that the demo's inventory comes in two pages. */
    static final int GRAPH_PAGE = 5;
    static final int HEALTH_PAGE = 4;

    private final Supplier<Collection<Map<String, Object>>> resources;
    private final SimulatedSignals signals;

    SimulatedMonitor(Supplier<Collection<Map<String, Object>>> resources, Supplier<Instant> now) {
        this.resources = resources;
        this.signals = new SimulatedSignals(now);
    }

    ResponseEntity<?> handle(HttpMethod method, String path, HttpServletRequest request, Map<String, Object> body) {
        if (path.equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")) {
            return method == HttpMethod.POST ? graph(body) : ArmAnswers.notAllowed(method);
        }
        Matcher query = WORKSPACE_QUERY.matcher(path);
        if (path.toLowerCase(Locale.ROOT).endsWith("/query") && query.matches()) {
            return method == HttpMethod.POST ? workspaceQuery(query.group(1), query.group(2), body) : ArmAnswers.notAllowed(method);
        }
        Matcher owner = OWNER.matcher(path);
        if (!owner.matches() || method != HttpMethod.GET) {
            return ArmAnswers.notAllowed(method);
        }
        Map<String, Object> resource = find(owner.group(1));
        if (resource == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "The Resource '" + owner.group(1) + "' was not found.");
        }
        if (path.toLowerCase(Locale.ROOT).endsWith("/metricdefinitions")) {
            return ResponseEntity.ok(Map.of("value", signals.definitions(String.valueOf(resource.get("id")), type(resource))));
        }
        return owner.group(2).equalsIgnoreCase("Insights") ? metrics(resource, request)
                : ArmListPages.page(signals.healthHistory(String.valueOf(resource.get("id"))), request, 100, 100, HEALTH_PAGE, Set.of());
    }

    private ResponseEntity<?> graph(Map<String, Object> body) {
        List<String> subscriptions = body == null || !(body.get("subscriptions") instanceof List<?> list) ? List.of()
                : list.stream().map(s -> "/subscriptions/" + s.toString().toLowerCase(Locale.ROOT) + "/").toList();
        Map<String, Object> options = ArmAnswers.asMap(body == null ? null : body.get("options"));
        int skip;
        try {
            skip = options.get("$skipToken") == null ? 0 : Integer.parseInt(String.valueOf(options.get("$skipToken")));
        } catch (NumberFormatException e) {
            return armError(HttpStatus.BAD_REQUEST, "BadRequest", "Invalid $skipToken");
        }
        List<Map<String, Object>> rows = resources.get().stream()
                .filter(r -> MONITORED.contains(type(r)))
                .filter(r -> subscriptions.stream().anyMatch(s -> String.valueOf(r.get("id")).toLowerCase(Locale.ROOT).startsWith(s)))
                .map(r -> Map.<String, Object>of("id", r.get("id"), "name", r.get("name"), "type", type(r)))
                .sorted((a, b) -> String.valueOf(a.get("id")).compareToIgnoreCase(String.valueOf(b.get("id")))).toList();
        int end = Math.min(rows.size(), skip + GRAPH_PAGE);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalRecords", rows.size());
        page.put("count", Math.max(0, end - skip));
        page.put("resultTruncated", "false");
        if (end < rows.size()) {
            page.put("$skipToken", Integer.toString(end));
        }
        page.put("data", skip >= rows.size() ? List.of() : rows.subList(skip, end));
        page.put("facets", List.of());
        return ResponseEntity.ok(page);
    }

    private ResponseEntity<?> metrics(Map<String, Object> resource, HttpServletRequest request) {
        String[] span = String.valueOf(request.getParameter("timespan")).split("/");
        String name = request.getParameter("metricnames");
        String aggregation = String.valueOf(request.getParameter("aggregation")).toLowerCase(Locale.ROOT);
        if (span.length != 2 || !"PT1H".equals(request.getParameter("interval")) || name == null) {
            return armError(HttpStatus.BAD_REQUEST, "BadRequest", "The sandbox answers hourly (PT1H) metrics for a timespan start/end");
        }
        try {
            Instant from = Instant.parse(span[0]);
            Instant to = Instant.parse(span[1]);
            String id = String.valueOf(resource.get("id"));
            return signals.metric(id, type(resource), name, aggregation, from, to)
                    .<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> armError(HttpStatus.BAD_REQUEST, "BadRequest", "Failed to find metric configuration for provider: "
                            + type(resource) + ", resource Id: " + id + ", metric: " + name));
        } catch (DateTimeParseException e) {
            return armError(HttpStatus.BAD_REQUEST, "BadRequest", "Invalid timespan: " + e.getMessage());
        }
    }

    private ResponseEntity<?> workspaceQuery(String workspace, String subscription, Map<String, Object> body) {
        if (find(workspace) == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "The Resource '" + workspace + "' was not found.");
        }
        String query = body == null ? "" : String.valueOf(body.get("query"));
        String[] span = body == null ? new String[0] : String.valueOf(body.get("timespan")).split("/");
        if (span.length != 2) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgumentError", "The sandbox needs a timespan start/end");
        }
        Instant from = Instant.parse(span[0]);
        Instant to = Instant.parse(span[1]);
        String prefix = "/subscriptions/" + subscription.toLowerCase(Locale.ROOT) + "/";
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns;
        if (query.contains("WVDConnections")) {
            columns = List.of("hostPool", "sessions", "users");
            ofType(prefix, "microsoft.desktopvirtualization/hostpools").forEach(id -> rows.add(signals.avd(id, from, to)));
        } else if (query.contains("Heartbeat")) {
            columns = List.of("resourceId", "hours");
            ofType(prefix, "microsoft.compute/virtualmachines").forEach(id -> rows.add(signals.heartbeat(id, from, to)));
        } else {
            return armError(HttpStatus.BAD_REQUEST, "BadArgumentError", "The sandbox answers Heartbeat and WVDConnections queries only");
        }
        List<Map<String, String>> typed = new ArrayList<>();
        columns.forEach(c -> typed.add(Map.of("name", c, "type", typed.isEmpty() ? "string" : "long")));
        return ResponseEntity.ok(Map.of("tables", List.of(Map.of("name", "PrimaryResult", "columns", typed, "rows", rows))));
    }

    private List<String> ofType(String subscriptionPrefix, String type) {
        return resources.get().stream().filter(r -> type.equals(type(r)))
                .map(r -> String.valueOf(r.get("id")).toLowerCase(Locale.ROOT)).filter(id -> id.startsWith(subscriptionPrefix))
                .sorted().toList();
    }

    private Map<String, Object> find(String id) {
        return resources.get().stream().filter(r -> id.equalsIgnoreCase(String.valueOf(r.get("id")))).findFirst().orElse(null);
    }

    private static String type(Map<String, Object> resource) {
        return String.valueOf(resource.get("type")).toLowerCase(Locale.ROOT);
    }
}
