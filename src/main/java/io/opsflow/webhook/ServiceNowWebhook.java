package io.opsflow.webhook;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * One verified delivery of ServiceNow's outbound webhook (see docs/servicenow-webhook.md), for
 * whichever capability handles its table.
 *
 * @param deliveryId    {@code event.id}, the idempotency key, equal to the {@code X-Opsflow-Delivery} header
 * @param type          {@code event.type} ({@code created}, {@code updated})
 * @param table         {@code event.table}
 * @param occurredAt    {@code event.occurred_at} (UTC)
 * @param changedFields {@code event.changed_fields}
 * @param body          the whole payload, for {@code record}, {@code variables} and {@code display_values}
 */
public record ServiceNowWebhook(String deliveryId, String type, String table, Instant occurredAt,
                                List<String> changedFields, JsonNode body) {

    private static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static ServiceNowWebhook of(JsonNode root) {
        String id = JsonFields.required(root, "event.id");
        String type = JsonFields.required(root, "event.type");
        String table = JsonFields.required(root, "event.table");
        String occurred = JsonFields.required(root, "event.occurred_at");
        Instant occurredAt;
        try {
            occurredAt = LocalDateTime.parse(occurred, GLIDE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.invalid("event.occurred_at", "'" + occurred + "' is not a UTC time 'yyyy-MM-dd HH:mm:ss'");
        }
        if (!root.path("record").isObject()) {
            throw WebhookRejectedException.invalid("record", "is missing");
        }
        List<String> changed = new ArrayList<>();
        root.path("event").path("changed_fields").forEach(f -> changed.add(f.asText()));
        return new ServiceNowWebhook(id, type, table, occurredAt, changed, root);
    }

    /** A non-blank {@code record.<name>}, or a 400 naming it. */
    public String requiredField(String name) {
        return JsonFields.required(body, "record." + name);
    }

    /**
     * {@code record} as Table API field name to string value (a reference link object gives its
     * value). A field of another shape (an array, an object without a scalar {@code value}) is a 400
     * naming it, never silently dropped.
     */
    public Map<String, String> record() {
        Map<String, String> fields = new LinkedHashMap<>();
        body.path("record").fields().forEachRemaining(e -> {
            JsonNode value = e.getValue().isObject() ? e.getValue().path("value") : e.getValue();
            if (value.isValueNode() && !value.isNull()) {
                fields.put(e.getKey(), value.asText());
            } else if (!value.isNull() && !(e.getValue().isObject() && value.isMissingNode() && e.getValue().isEmpty())) {
                throw WebhookRejectedException.invalid("record." + e.getKey(), "must be a string or a reference {\"value\": …}, not "
                        + e.getValue().getNodeType().name().toLowerCase());
            }
        });
        return fields;
    }

    /** {@code display_values.<name>}, or null. */
    public String displayValue(String name) {
        return JsonFields.text(body, "display_values." + name);
    }

    /** Table webhooks are sent on insert and update only; anything else is a 400 naming {@code event.type}. */
    public void requireCreatedOrUpdated() {
        if (!type.equals("created") && !type.equals("updated")) {
            throw WebhookRejectedException.invalid("event.type", "'" + type + "' is neither created nor updated");
        }
    }

    /** {@code record.sys_mod_count}, which orders the changes of one record. */
    public long modCount() {
        String text = requiredField("sys_mod_count");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.invalid("record.sys_mod_count", "'" + text + "' is not a number");
        }
    }

    /** The customer whose ServiceNow company is {@code record.company}, or a 422 naming the company. */
    public Customer customer(CustomerRegistry customers) {
        String company = requiredField("company");
        String companyName = displayValue("company");
        return customers.findByServiceNowCompany(company).orElseThrow(() -> WebhookRejectedException.unprocessable(
                "No customer has the ServiceNow company " + company + (companyName == null ? "" : " (" + companyName + ")")
                        + " of record.company"));
    }
}
