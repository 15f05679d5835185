package io.opsflow.zabbix;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;

/**
 * The Zabbix API methods opsflow uses (shapes of Zabbix 6.0, {@code src/test/resources/zabbix-api/README.md}),
 * over JSON-RPC 2.0: {@code POST {url}/api_jsonrpc.php}, {@code Content-Type: application/json-rpc}, with an
 * API token (no login, no session): as the request's {@code auth} member up to 6.2, as
 * {@code Authorization: Bearer} from 6.4 ({@link Authentication}). Answers are parsed here into records;
 * nothing outside this package sees Zabbix's strings-for-numbers.
 */
final class ZabbixApi {

    static final MediaType JSON_RPC = MediaType.parseMediaType("application/json-rpc");
    /** {@code trigger.get}'s tag operator Equals (0 would be Contains, matching a longer item name too). */
    private static final int TAG_EQUALS = 1;
    /** {@code interface.type} of a Zabbix agent interface. */
    private static final String AGENT_INTERFACE = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient outbound;
    private final ZabbixEndpoint endpoint;
    private final ZabbixErrors errors = new ZabbixErrors();
    private final Authentications authentications;

    ZabbixApi(OutboundClient outbound, ZabbixEndpoint endpoint, Clock clock) {
        this.outbound = outbound;
        this.endpoint = endpoint;
        this.authentications = new Authentications(clock);
    }

    /** A host by its technical name; {@code agentInterfaceId} is its main agent interface, null without one. */
    record Host(String hostid, String host, String agentInterfaceId) {
    }

    /** An item; {@code inherited}: it comes from a template or a discovery rule and cannot be updated on the host. */
    record Item(String itemid, String key, String name, String delay, boolean inherited) {
    }

    /** A trigger, its expression expanded ({@code last(/host/key)>5}, not {@code {12345}>5}). */
    record Trigger(String triggerid, String description, String expression, int priority, String url) {
    }

    record Tag(String tag, String value) {

        /** As Zabbix writes it, {@code tag} first, and with an {@code operator} when it is a filter. */
        Map<String, Object> json(Integer operator) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tag", tag);
            json.put("value", value);
            if (operator != null) {
                json.put("operator", operator);
            }
            return json;
        }
    }

    Optional<Host> host(Customer customer, String host) {
        JsonNode result = call(customer, "host.get", Map.of(
                "output", List.of("hostid", "host"),
                "filter", Map.of("host", List.of(host)),
                "selectInterfaces", List.of("interfaceid", "type", "main")));
        for (JsonNode found : result) {
            String agent = null;
            for (JsonNode i : found.path("interfaces")) {
                if (AGENT_INTERFACE.equals(i.path("type").asText()) && "1".equals(i.path("main").asText())) {
                    agent = i.path("interfaceid").asText();
                }
            }
            return Optional.of(new Host(found.path("hostid").asText(), found.path("host").asText(), agent));
        }
        return Optional.empty();
    }

    Optional<Item> item(Customer customer, String hostid, String key) {
        JsonNode result = call(customer, "item.get", Map.of(
                "output", List.of("itemid", "key_", "name", "delay", "templateid", "flags"),
                "hostids", List.of(hostid),
                "filter", Map.of("key_", List.of(key))));
        for (JsonNode found : result) {
            // flags 4: discovered by low-level discovery; templateid other than 0: inherited from a template.
            boolean inherited = !"0".equals(found.path("templateid").asText("0")) || "4".equals(found.path("flags").asText("0"));
            return Optional.of(new Item(found.path("itemid").asText(), found.path("key_").asText(), found.path("name").asText(),
                    found.path("delay").asText(), inherited));
        }
        return Optional.empty();
    }

    /** @return the new item's id */
    String createItem(Customer customer, Map<String, Object> item) {
        return call(customer, "item.create", item).path("itemids").path(0).asText();
    }

    void updateItem(Customer customer, Map<String, Object> item) {
        call(customer, "item.update", item);
    }

    /** The host's trigger carrying all {@code tags} with exactly these values. */
    Optional<Trigger> trigger(Customer customer, String hostid, List<Tag> tags) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("output", List.of("triggerid", "description", "expression", "priority", "url"));
        params.put("hostids", List.of(hostid));
        params.put("tags", tags.stream().map(t -> t.json(TAG_EQUALS)).toList());
        params.put("evaltype", 0);
        params.put("expandExpression", true);
        for (JsonNode found : call(customer, "trigger.get", params)) {
            return Optional.of(new Trigger(found.path("triggerid").asText(), found.path("description").asText(),
                    found.path("expression").asText(), found.path("priority").asInt(), found.path("url").asText("")));
        }
        return Optional.empty();
    }

    /** @return the new trigger's id */
    String createTrigger(Customer customer, Map<String, Object> trigger) {
        return call(customer, "trigger.create", trigger).path("triggerids").path(0).asText();
    }

    void updateTrigger(Customer customer, Map<String, Object> trigger) {
        call(customer, "trigger.update", trigger);
    }

    /**
     * One JSON-RPC request. Its {@code id} is always 1: each HTTP request carries one call, so the id
     * pairs nothing, and a fixed one keeps requests comparable byte for byte.
     */
    JsonNode call(Customer customer, String method, Object params) {
        String base = endpoint.apiUrl(customer);
        Authentication authentication = authentications.of(base, () -> version(customer, base));
        String token = endpoint.token(customer);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", method);
        body.put("params", params);
        if (authentication == Authentication.AUTH_MEMBER) {
            body.put("auth", token);
        }
        body.put("id", 1);
        return send(customer, base, method, body, headers -> {
            if (authentication == Authentication.BEARER) {
                headers.setBearerAuth(token);
            }
        });
    }

    /** {@code apiinfo.version}, the one method Zabbix answers without (and refuses with) a credential. */
    private String version(Customer customer, String base) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", "apiinfo.version");
        body.put("params", List.of());
        body.put("id", 1);
        return send(customer, base, "apiinfo.version", body, headers -> { }).asText();
    }

    private JsonNode send(Customer customer, String base, String method, Map<String, Object> body,
                          Consumer<HttpHeaders> headers) {
        OutboundRequest request = new OutboundRequest(HttpMethod.POST, URI.create(base + "/api_jsonrpc.php"),
                method + " for customer " + customer.id(), headers, JSON_RPC, write(body));
        return outbound.exchange(Destination.of("Zabbix", base), request, errors, response -> response.json().path("result"));
    }

    private static byte[] write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
