package io.opsflow.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Zabbix 6.0 API for sandbox mode, {@code POST /sandbox/zabbix/api_jsonrpc.php} (the API token in the
 * request's {@code auth} member, as 6.0 takes it): the demo customer's
 * Zabbix with the host the demo monitoring items list names ({@code demo-file01}, an agent interface, no
 * items yet). It keeps the items and triggers created through it, so a second apply of the same list finds
 * them and writes nothing. Answers as Zabbix does: HTTP 200 with a {@code result} or a JSON-RPC {@code error}
 * (refused token, unknown method, duplicate key, an expression naming an unknown item), 412 for a request
 * that is not JSON.
 */
@RestController
@ConditionalOnSandbox
class SimulatedZabbix {

    static final String PREFIX = "/sandbox/zabbix";
    static final String DEMO_HOST = "demo-file01";
    private static final Set<String> CONTENT_TYPES = Set.of("application/json-rpc", "application/json", "application/jsonrequest");
    /** The item references of a 5.4+ expression: {@code last(/host/key)}, {@code avg(/host/key,5m)}. */
    private static final Pattern ITEM_REFERENCE = Pattern.compile("\\(/([^/]+)/(.+?)(?:,[^,()\\]]*)?\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Object>> hosts = List.of(host("10501", DEMO_HOST, "31"));
    private final List<Map<String, Object>> items = new ArrayList<>();
    private final List<Map<String, Object>> triggers = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(40000);

    private static Map<String, Object> host(String hostid, String name, String agentInterfaceId) {
        return Map.of("hostid", hostid, "host", name,
                "interfaces", List.of(Map.of("interfaceid", agentInterfaceId, "type", "1", "main", "1")));
    }

    /** A refusal Zabbix sends with HTTP 200. */
    private static final class ApiError extends RuntimeException {
        final int code;
        final String data;

        ApiError(int code, String message, String data) {
            super(message);
            this.code = code;
            this.data = data;
        }

        static ApiError invalidParams(String data) {
            return new ApiError(-32602, "Invalid params.", data);
        }
    }

    @PostMapping(PREFIX + "/api_jsonrpc.php")
    synchronized ResponseEntity<?> call(@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                        @RequestBody(required = false) byte[] body) {
        if (contentType == null || !CONTENT_TYPES.contains(MediaType.parseMediaType(contentType).getType() + "/"
                + MediaType.parseMediaType(contentType).getSubtype())) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
        }
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? new byte[0] : body);
        } catch (java.io.IOException e) {
            return answer(null, new ApiError(-32700, "Parse error.", "Invalid JSON. An error occurred on the server while parsing the JSON text."));
        }
        JsonNode id = request.path("id");
        String method = request.path("method").asText();
        try {
            // Zabbix 6.0: the API token is the request's auth member; the Authorization header means nothing yet.
            boolean authenticated = !request.path("auth").asText("").isBlank();
            if (method.equals("apiinfo.version") && request.has("auth")) {
                throw ApiError.invalidParams("The \"apiinfo.version\" method must be called without the \"auth\" parameter.");
            }
            if (!method.equals("apiinfo.version") && !authenticated) {
                throw ApiError.invalidParams("Not authorized.");
            }
            return answer(id, result(method, request.path("params")));
        } catch (ApiError e) {
            return answer(id, e);
        }
    }

    private Object result(String method, JsonNode params) {
        return switch (method) {
            case "apiinfo.version" -> "6.0.36";
            case "host.get" -> hosts.stream().filter(h -> values(params.path("filter").path("host")).contains((String) h.get("host")))
                    .map(h -> params.has("selectInterfaces") ? h : without(h, "interfaces")).toList();
            case "item.get" -> items.stream().filter(i -> values(params.path("hostids")).contains((String) i.get("hostid")))
                    .filter(i -> !params.path("filter").has("key_") || values(params.path("filter").path("key_")).contains((String) i.get("key_")))
                    .toList();
            case "item.create" -> Map.of("itemids", List.of(createItem(params)));
            case "item.update" -> Map.of("itemids", List.of(update(items, "itemid", params, Set.of("name", "delay"))));
            case "trigger.get" -> triggers.stream().filter(t -> values(params.path("hostids")).contains((String) t.get("hostid")))
                    .filter(t -> hasTags(t, params.path("tags"))).map(t -> without(t, "hostid")).toList();
            case "trigger.create" -> Map.of("triggerids", List.of(createTrigger(params)));
            case "trigger.update" -> {
                if (params.has("expression")) {
                    hostOfExpression(params.path("expression").asText());
                }
                yield Map.of("triggerids", List.of(update(triggers, "triggerid", params, Set.of("description", "expression", "priority", "url"))));
            }
            default -> throw new ApiError(-32601, "Method not found.", "Incorrect API \"" + method.split("\\.")[0] + "\".");
        };
    }

    private String createItem(JsonNode params) {
        String hostid = params.path("hostid").asText();
        Map<String, Object> host = hosts.stream().filter(h -> h.get("hostid").equals(hostid)).findFirst()
                .orElseThrow(() -> new ApiError(-32500, "Application error.", "No permissions to referred object or it does not exist!"));
        String key = params.path("key_").asText();
        for (String required : List.of("name", "key_", "type", "value_type", "delay")) {
            if (!params.hasNonNull(required)) {
                throw ApiError.invalidParams("Invalid parameter \"/1\": the parameter \"" + required + "\" is missing.");
            }
        }
        if ("0".equals(params.path("type").asText()) && !params.hasNonNull("interfaceid")) {
            throw ApiError.invalidParams("Invalid parameter \"/1\": the parameter \"interfaceid\" is missing.");
        }
        if (items.stream().anyMatch(i -> i.get("hostid").equals(hostid) && i.get("key_").equals(key))) {
            throw ApiError.invalidParams("An item with key \"" + key + "\" already exists on the host \"" + host.get("host") + "\".");
        }
        String itemid = String.valueOf(ids.incrementAndGet());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemid", itemid);
        item.put("hostid", hostid);
        item.put("key_", key);
        item.put("name", params.path("name").asText());
        item.put("delay", params.path("delay").asText());
        item.put("type", params.path("type").asText());
        item.put("value_type", params.path("value_type").asText());
        item.put("templateid", "0");
        item.put("flags", "0");
        items.add(item);
        return itemid;
    }

    private String createTrigger(JsonNode params) {
        String expression = params.path("expression").asText();
        if (params.path("description").asText().isBlank() || expression.isBlank()) {
            throw ApiError.invalidParams("Invalid parameter \"/1\": the parameters \"description\" and \"expression\" are required.");
        }
        String hostid = hostOfExpression(expression);
        String triggerid = String.valueOf(ids.incrementAndGet());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("triggerid", triggerid);
        trigger.put("hostid", hostid);
        trigger.put("description", params.path("description").asText());
        trigger.put("expression", expression);
        trigger.put("priority", params.path("priority").asText("0"));
        trigger.put("url", params.path("url").asText(""));
        List<Map<String, String>> tags = new ArrayList<>();
        params.path("tags").forEach(t -> tags.add(Map.of("tag", t.path("tag").asText(), "value", t.path("value").asText(""))));
        trigger.put("tags", tags);
        triggers.add(trigger);
        return triggerid;
    }

    /** The host of the items the expression names, each of which must exist, as Zabbix checks them. */
    private String hostOfExpression(String expression) {
        Matcher m = ITEM_REFERENCE.matcher(expression);
        String hostid = null;
        while (m.find()) {
            String hostName = m.group(1);
            String key = m.group(2);
            Optional<Map<String, Object>> host = hosts.stream().filter(h -> h.get("host").equals(hostName)).findFirst();
            if (host.isEmpty() || items.stream().noneMatch(i -> i.get("hostid").equals(host.get().get("hostid")) && i.get("key_").equals(key))) {
                throw ApiError.invalidParams("Invalid parameter \"/1/expression\": incorrect item key \"" + key
                        + "\" provided for trigger expression on \"" + hostName + "\".");
            }
            hostid = (String) host.get().get("hostid");
        }
        if (hostid == null) {
            throw ApiError.invalidParams("Invalid parameter \"/1/expression\": trigger expression must contain at least one /host/key reference.");
        }
        return hostid;
    }

    private static String update(List<Map<String, Object>> objects, String idField, JsonNode params, Set<String> fields) {
        String id = params.path(idField).asText();
        Map<String, Object> object = objects.stream().filter(o -> o.get(idField).equals(id)).findFirst()
                .orElseThrow(() -> new ApiError(-32500, "Application error.", "No permissions to referred object or it does not exist!"));
        fields.stream().filter(params::has).forEach(f -> object.put(f, params.path(f).asText()));
        return id;
    }

    /** Every tag filter matches: operator 1 Equals, 0 (the default) Contains. */
    @SuppressWarnings("unchecked")
    private static boolean hasTags(Map<String, Object> trigger, JsonNode filters) {
        List<Map<String, String>> tags = (List<Map<String, String>>) trigger.get("tags");
        for (JsonNode filter : filters) {
            String tag = filter.path("tag").asText();
            String value = filter.path("value").asText("");
            boolean equals = filter.path("operator").asInt(0) == 1;
            if (tags.stream().noneMatch(t -> t.get("tag").equals(tag) && (equals ? t.get("value").equals(value) : t.get("value").contains(value)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    private static Map<String, Object> without(Map<String, Object> object, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove(field);
        return copy;
    }

    private static ResponseEntity<?> answer(JsonNode id, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        if (result instanceof ApiError e) {
            body.put("error", Map.of("code", e.code, "message", e.getMessage(), "data", e.data));
        } else {
            body.put("result", result);
        }
        body.put("id", id == null || id.isMissingNode() ? null : id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
