package io.opsflow.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.Alert;

/**
 * Zabbix notifications to an {@link Alert}: the webhook media type's parameters (5.x/6.x) and the
 * 3.0 alert-script form {@code {sendto, subject, message}} whose message follows the
 * {@code opsflow-v1} template. Both are first brought to the media type's parameter names, then
 * mapped once. The recovery and every update keep the problem's {@code event_id}, so they all
 * share the alert id {@code zabbix:<customer>:<event_id>}.
 *
 * Reading the two forms is {@link ZabbixParameters}' job.
 * <p>
 * Just over 250 lines: one mapping of every Zabbix event kind (problem, recovery, update; webhook
 * and 3.0 script) to an alert, each rule next to the others it must agree with.
 */
@Component
class ZabbixAlerts {

    static final String SOURCE = "zabbix";
    private static final DateTimeFormatter ZABBIX_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");
    private static final Map<String, Integer> SEVERITY_LEVELS = Map.of(
            "disaster", 0, "high", 1, "average", 2, "warning", 3, "information", 4, "not classified", 4);

    private final CustomerRegistry customers;
    private final ObjectMapper json;
    private final ZoneId serverZone;

    ZabbixAlerts(CustomerRegistry customers, ObjectMapper json, WebhookProperties properties) {
        this.customers = customers;
        this.json = json;
        this.serverZone = properties.zabbix().timeZone();
    }

    /** @param customer the customer whose credential the caller proved */
    Alert toAlert(JsonNode root, Customer customer) {
        if (root.has("event_id")) {
            return map(ZabbixParameters.ofMediaType(root), customer);
        }
        if (root.has("message")) {
            return map(ZabbixParameters.ofAlertScript(root), customer);
        }
        throw WebhookRejectedException.invalid("event_id",
                "is missing: neither webhook media type parameters nor an alert-script body {sendto, subject, message}");
    }

    private Alert map(ZabbixParameters p, Customer caller) {
        String eventId = p.required("event_id");
        Alert.State state = state(p);
        String trigger = p.get("trigger_name").or(() -> p.get("event_name"))
                .orElseThrow(() -> WebhookRejectedException.invalid(p.field("trigger_name"), "is missing"));
        String host = p.get("host_name").or(() -> p.get("host_host"))
                .orElseThrow(() -> WebhookRejectedException.invalid(p.field("host_name"), "is missing"));
        String severityName = p.get("event_severity").or(() -> p.get("trigger_severity")).orElse(null);
        int severity = severityLevel(p, severityName);
        Map<String, List<String>> tags = tags(p);
        Customer customer = requireCaller(p, tags, caller);

        Instant problemTime = time(p, "event_date", "event_time");
        Instant occurred = switch (state) {
            case FIRED -> problemTime;
            case RESOLVED -> time(p, "event_recovery_date", "event_recovery_time");
            case UPDATED -> time(p, "event_update_date", "event_update_time");
        };
        String summary = "[Zabbix] " + switch (state) {
            case FIRED -> (severityName == null ? "Problem" : severityName);
            case RESOLVED -> "Resolved";
            case UPDATED -> "Updated";
        } + ": " + trigger + " on " + host;

        String link = p.get("zabbix_url").flatMap(url -> p.get("trigger_id").map(triggerId ->
                url.replaceAll("/+$", "") + "/tr_events.php?triggerid=" + triggerId + "&eventid=" + eventId)).orElse(null);

        List<String> lines = new ArrayList<>();
        line(lines, "Trigger", trigger);
        line(lines, "Host", host + p.get("host_host").filter(h -> !h.equals(host)).map(h -> " (" + h + ")").orElse("")
                + p.get("host_ip").map(ip -> ", " + ip).orElse(""));
        line(lines, "Severity", severityName);
        line(lines, "Status", state == Alert.State.RESOLVED ? "RESOLVED" : p.get("event_status").orElse("PROBLEM"));
        line(lines, "Item", p.get("item_name").map(item -> item + p.get("item_lastvalue").map(v -> " = " + v).orElse("")).orElse(null));
        line(lines, "Problem started", timeText(p, "event_date", "event_time"));
        line(lines, "Recovered", timeText(p, "event_recovery_date", "event_recovery_time"));
        line(lines, "Update", p.get("event_update_action").orElse(null));
        line(lines, "Update by", p.get("event_update_user").orElse(null));
        line(lines, "Update message", p.get("event_update_message").orElse(null));
        line(lines, "Tags", tags.isEmpty() ? null : String.join(", ", tags.entrySet().stream()
                .map(t -> t.getKey() + "=" + String.join("|", t.getValue())).toList()));
        line(lines, "Event", eventId + p.get("event_recovery_id").map(r -> " (recovery event " + r + ")").orElse(""));
        line(lines, "Zabbix", link);
        // Without a server URL there is no link: the trigger id is how to find the trigger in Zabbix.
        line(lines, "Trigger id", link == null ? p.get("trigger_id").orElse(null) : null);
        p.get("alert_message").ifPresent(message -> lines.add("\n" + message));

        // Event ids are unique per Zabbix server only: scoped by the customer, one customer's event can
        // never pass as (or deduplicate away) another's.
        String alertId = "zabbix:" + customer.id() + ":" + eventId;
        return new Alert(SOURCE, alertId, deliveryId(alertId, state, p), customer.id(), trigger, host, severity,
                state, summary, String.join("\n", lines), occurred, tag(tags, Alert.ITEM_PROPERTY), tag(tags, Alert.TEST_PROPERTY));
    }

    /** The first value of a tag; blank is absent. */
    private static String tag(Map<String, List<String>> tags, String name) {
        return tags.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    private static Alert.State state(ZabbixParameters p) {
        if (p.get("event_update_status").filter("1"::equals).isPresent()) {
            return Alert.State.UPDATED;
        }
        if (p.get("event_value").filter("0"::equals).isPresent() || p.get("event_status").filter("RESOLVED"::equals).isPresent()) {
            return Alert.State.RESOLVED;
        }
        String value = p.required("event_value");
        if (!value.equals("1")) {
            throw WebhookRejectedException.invalid(p.field("event_value"), "'" + value + "' is neither 1 (problem) nor 0 (recovery)");
        }
        return Alert.State.FIRED;
    }

    /**
     * One id per problem, per recovery and per update. Zabbix gives updates no id of their own: the
     * update's time and a hash of what it says tell two comments apart, while a retried delivery of
     * the same update keeps its id.
     */
    private static String deliveryId(String alertId, Alert.State state, ZabbixParameters p) {
        String base = alertId + "/";
        return switch (state) {
            case FIRED -> base + "problem";
            case RESOLVED -> base + "recovery" + p.get("event_recovery_id").map(id -> ":" + id).orElse("");
            case UPDATED -> {
                String content = String.join("\u0000", p.get("event_update_action").orElse(""), p.get("event_update_message").orElse(""),
                        p.get("event_update_user").orElse(""), p.get("event_ack_status").orElse(""), p.get("event_severity").orElse(""));
                String hash = HexFormat.of().formatHex(WebhookRequests.sha256(content.getBytes(StandardCharsets.UTF_8)), 0, 8);
                yield base + "update:" + timeText(p, "event_update_date", "event_update_time").replace(' ', 'T') + ":" + hash;
            }
        };
    }

    /**
     * The level from {@code event_nseverity} ({@code trigger_nseverity} in the 3.0 template) when it is
     * there: an administrator may rename the severities (e.g. "重大" for 4), so the name is only shown.
     * The name counts only for senders without the number.
     */
    private static int severityLevel(ZabbixParameters p, String name) {
        Optional<String> number = p.get("event_nseverity");
        if (number.isPresent()) {
            return switch (number.get()) {
                case "5" -> 0;
                case "4" -> 1;
                case "3" -> 2;
                case "2" -> 3;
                case "1", "0" -> 4;
                default -> throw WebhookRejectedException.invalid(p.field("event_nseverity"), "'" + number.get() + "' is not 0..5");
            };
        }
        if (name == null) {
            throw WebhookRejectedException.invalid(p.field("event_severity"), "is missing");
        }
        Integer level = SEVERITY_LEVELS.get(name.toLowerCase());
        if (level == null) {
            throw WebhookRejectedException.invalid(p.field(p.get("event_severity").isPresent() ? "event_severity" : "trigger_severity"),
                    "'" + name + "' is not a Zabbix severity (Not classified, Information, Warning, Average, High, Disaster)"
                            + " and event_nseverity is missing");
        }
        return level;
    }

    private Map<String, List<String>> tags(ZabbixParameters p) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Optional<String> text = p.get("event_tags");
        if (text.isEmpty()) {
            return tags;
        }
        JsonNode array;
        try {
            array = json.readTree(text.get());
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.invalid(p.field("event_tags"), "is not the JSON of {EVENT.TAGSJSON}: " + e.getOriginalMessage());
        }
        if (!array.isArray()) {
            throw WebhookRejectedException.invalid(p.field("event_tags"), "must be a JSON array of {tag, value}");
        }
        array.forEach(tag -> {
            String name = tag.path("tag").asText("");
            if (!name.isBlank()) {
                tags.computeIfAbsent(name, n -> new ArrayList<>()).add(tag.path("value").asText(""));
            }
        });
        return tags;
    }

    /**
     * The event belongs to the customer whose token sent it. Its {@code customer} tag (or template
     * line), if any, must name that customer, and none of its host groups may belong to another:
     * otherwise it is refused, so one customer's token cannot raise another's problems. Host groups
     * nobody owns ("Linux servers") do not matter.
     */
    private Customer requireCaller(ZabbixParameters p, Map<String, List<String>> tags, Customer caller) {
        Optional<String> named = Optional.ofNullable(tags.get("customer")).map(values -> values.get(0));
        String namedField = named.isPresent() ? p.field("event_tags") : p.field("customer");
        named = named.or(() -> p.get("customer"));
        if (named.isPresent() && !named.get().equals(caller.id())) {
            throw WebhookRejectedException.outsideCustomer(namedField, "the event names customer '" + named.get()
                    + "', but the token is customer '" + caller.id() + "''s: nothing was started");
        }
        List<String> groups = p.get("trigger_hostgroups").map(g -> List.of(g.split(",\\s*"))).orElse(List.of());
        for (String group : groups) {
            customers.findByZabbixHostGroup(group).filter(owner -> !owner.id().equals(caller.id())).ifPresent(owner -> {
                throw WebhookRejectedException.outsideCustomer(p.field("trigger_hostgroups"), "host group '" + group
                        + "' is not customer '" + caller.id() + "''s (zabbix.hostGroups): nothing was started");
            });
        }
        return caller;
    }

    private Instant time(ZabbixParameters p, String dateName, String timeName) {
        String text = timeText(p, dateName, timeName);
        if (text.isEmpty()) {
            // Updates from older templates carry no time of their own: the receipt is the best there is.
            return Instant.now();
        }
        try {
            return LocalDateTime.parse(text, ZABBIX_TIME).atZone(serverZone).toInstant();
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.invalid(p.field(dateName), "'" + text + "' is not a Zabbix time (yyyy.MM.dd HH:mm:ss)");
        }
    }

    private static String timeText(ZabbixParameters p, String dateName, String timeName) {
        return (p.get(dateName).orElse("") + " " + p.get(timeName).orElse("")).trim();
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }
}
