package io.opsflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Zabbix notification brought to the webhook media type's parameter names, whichever form it came
 * in, so that {@link ZabbixAlerts} maps it once. Present values only (an unresolved macro is absent);
 * each remembers the payload field it came from, for error messages.
 */
record ZabbixParameters(Map<String, String> values, Map<String, String> fields, String missingPrefix) {

    static final String TEMPLATE_VERSION = "opsflow-v1";
    /** A macro Zabbix could not resolve for this event arrives literally, e.g. {EVENT.RECOVERY.ID}. */
    private static final Pattern UNRESOLVED_MACRO = Pattern.compile("\\{[^{}]*}");
    /** Keys of the 3.0 template that differ from the media type's parameter names. */
    private static final Map<String, String> TEMPLATE_KEYS = Map.of(
            "trigger_nseverity", "event_nseverity",
            "recovery_event_id", "event_recovery_id",
            "host_groups", "trigger_hostgroups",
            "item", "item_name");

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return get(name).orElseThrow(() -> WebhookRejectedException.invalid(field(name), "is missing"));
    }

    String field(String name) {
        return fields.getOrDefault(name, missingPrefix + name);
    }

    void put(String name, String field, String value) {
        if (value != null && !value.isBlank() && !UNRESOLVED_MACRO.matcher(value.trim()).matches()) {
            values.put(name, value.trim());
            fields.put(name, field);
        }
    }

    /** The webhook media type's parameters (5.x/6.x), as they are. */
    static ZabbixParameters ofMediaType(JsonNode root) {
        ZabbixParameters p = new ZabbixParameters(new LinkedHashMap<>(), new LinkedHashMap<>(), "");
        root.fields().forEachRemaining(e -> p.put(e.getKey(), e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : null));
        return p;
    }

    /** The 3.0 alert script's {@code {sendto, subject, message}}, its message in the opsflow-v1 template. */
    static ZabbixParameters ofAlertScript(JsonNode root) {
        String message = JsonFields.required(root, "message");
        String[] lines = message.replace("\r\n", "\n").split("\n");
        if (!lines[0].trim().equals(TEMPLATE_VERSION)) {
            throw WebhookRejectedException.invalid("message", "the first line must be '" + TEMPLATE_VERSION
                    + "' (the action's message template, see docs/zabbix-media-type.md)");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).matches("[a-z_]+")) {
                last = lines[i].substring(0, colon);
                raw.put(last, lines[i].substring(colon + 1).trim());
            } else if (last != null) {
                // An item value or trigger name spanning lines belongs to the key above it.
                raw.put(last, raw.get(last) + "\n" + lines[i]);
            }
        }
        ZabbixParameters p = new ZabbixParameters(new LinkedHashMap<>(), new LinkedHashMap<>(), "message.");
        raw.forEach((key, value) -> {
            String field = "message." + key;
            switch (key) {
                case "trigger_status" -> {
                    p.put("trigger_status", field, value);
                    p.put("event_value", field, switch (value) {
                        case "PROBLEM" -> "1";
                        case "OK" -> "0";
                        default -> throw WebhookRejectedException.invalid(field, "'" + value + "' is neither PROBLEM nor OK");
                    });
                }
                case "event_time" -> splitDateTime(p, "event_date", "event_time", field, value);
                case "recovery_time" -> splitDateTime(p, "event_recovery_date", "event_recovery_time", field, value);
                case "item" -> {
                    int equals = value.lastIndexOf(" = ");
                    p.put("item_name", field, equals < 0 ? value : value.substring(0, equals));
                    p.put("item_lastvalue", field, equals < 0 ? null : value.substring(equals + 3));
                }
                default -> p.put(TEMPLATE_KEYS.getOrDefault(key, key), field, value);
            }
        });
        p.put("alert_subject", "subject", JsonFields.text(root, "subject"));
        p.put("alert_sendto", "sendto", JsonFields.text(root, "sendto"));
        p.required("trigger_status");
        return p;
    }

    private static void splitDateTime(ZabbixParameters p, String dateName, String timeName, String field, String value) {
        int space = value.indexOf(' ');
        p.put(dateName, field, space < 0 ? value : value.substring(0, space));
        p.put(timeName, field, space < 0 ? null : value.substring(space + 1));
    }
}
