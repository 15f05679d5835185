package io.opsflow.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;
import io.opsflow.incident.Alert;

/**
 * Azure Monitor's common alert schema to an {@link Alert} of the customer whose credential sent it:
 * the alert (its id) and every target must lie in that customer's subscriptions. Metric, log,
 * activity log, Resource Health and Service Health alerts differ only in their
 * {@code alertContext}, whose facts for operators go to the description.
 */
@Component
class AzureMonitorAlerts {

    static final String SOURCE = "azure-monitor";
    private static final String SCHEMA = "azureMonitorCommonAlertSchema";
    private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/([^/]+)(/.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERITY = Pattern.compile("Sev([0-4])");

    /** @param customer the customer whose credential the caller proved */
    Alert toAlert(JsonNode root, Customer customer) {
        String schemaId = JsonFields.required(root, "schemaId");
        if (!SCHEMA.equals(schemaId)) {
            throw WebhookRejectedException.invalid("schemaId", "'" + schemaId + "' is not " + SCHEMA
                    + ": enable the common alert schema on the action group's webhook");
        }
        JsonNode essentials = JsonFields.at(root, "data.essentials");
        String alertId = JsonFields.required(root, "data.essentials.alertId");
        String rule = JsonFields.required(root, "data.essentials.alertRule");
        String severity = JsonFields.required(root, "data.essentials.severity");
        Matcher sev = SEVERITY.matcher(severity);
        if (!sev.matches()) {
            throw WebhookRejectedException.invalid("data.essentials.severity", "'" + severity + "' is not one of Sev0..Sev4");
        }
        String condition = JsonFields.required(root, "data.essentials.monitorCondition");
        Alert.State state = switch (condition) {
            case "Fired" -> Alert.State.FIRED;
            case "Resolved" -> Alert.State.RESOLVED;
            default -> throw WebhookRejectedException.invalid("data.essentials.monitorCondition", "'" + condition + "' is neither Fired nor Resolved");
        };
        String target = JsonFields.required(root, "data.essentials.alertTargetIDs[0]");
        Matcher subscription = SUBSCRIPTION.matcher(target);
        if (!subscription.matches()) {
            throw WebhookRejectedException.invalid("data.essentials.alertTargetIDs[0]", "'" + target + "' is not an ARM id under /subscriptions/{id}");
        }
        String firedAt = JsonFields.required(root, "data.essentials.firedDateTime");
        Instant fired = instant("data.essentials.firedDateTime", firedAt);
        String resolvedAt = state == Alert.State.RESOLVED ? JsonFields.required(root, "data.essentials.resolvedDateTime") : null;
        Instant occurred = resolvedAt == null ? fired : instant("data.essentials.resolvedDateTime", resolvedAt);

        requireCustomersSubscriptions(essentials, alertId, customer);

        String resourceName = resourceName(essentials, target);
        String summary = "[Azure Monitor] " + severity + " " + rule + " " + condition.toLowerCase() + " on " + resourceName;
        List<String> lines = new ArrayList<>();
        describeEssentials(essentials, lines);
        describeContext(JsonFields.at(root, "data.alertContext"), lines);
        // The action group's own facts (owning team, CI): the operator reads them as they were set.
        JsonNode custom = JsonFields.at(root, "data.customProperties");
        custom.fields().forEachRemaining(e -> line(lines, e.getKey(), scalar(e.getValue())));
        String deliveryId = alertId + "/" + condition + "/" + (resolvedAt == null ? firedAt : resolvedAt);
        return new Alert(SOURCE, alertId, deliveryId, customer.id(), rule, target, Integer.parseInt(sev.group(1)), state,
                summary, String.join("\n", lines), occurred, property(custom, Alert.ITEM_PROPERTY), property(custom, Alert.TEST_PROPERTY));
    }

    /**
     * Every target, and the alert instance itself, in a subscription of the customer: otherwise one
     * customer's credential could open incidents on another's resources, or take another's alert id
     * (and so mark its real alert a duplicate). The answer does not say who owns the subscription.
     */
    private static void requireCustomersSubscriptions(JsonNode essentials, String alertId, Customer customer) {
        List<String> own = customer.azure() == null ? List.of()
                : customer.azure().subscriptionIds().stream().map(String::toLowerCase).toList();
        JsonNode targets = essentials.path("alertTargetIDs");
        for (int i = 0; i < targets.size(); i++) {
            String field = "data.essentials.alertTargetIDs[" + i + "]";
            Matcher target = SUBSCRIPTION.matcher(targets.get(i).asText());
            if (!target.matches()) {
                throw WebhookRejectedException.invalid(field, "'" + targets.get(i).asText() + "' is not an ARM id under /subscriptions/{id}");
            }
            requireOwn(own, target.group(1), field, customer);
        }
        Matcher alert = SUBSCRIPTION.matcher(alertId);
        if (alert.matches()) {
            requireOwn(own, alert.group(1), "data.essentials.alertId", customer);
        }
    }

    private static void requireOwn(List<String> own, String subscription, String field, Customer customer) {
        if (!own.contains(subscription.toLowerCase())) {
            throw WebhookRejectedException.outsideCustomer(field, "subscription " + subscription
                    + " is not one of customer '" + customer.id() + "''s subscriptions (azure.subscriptionIds): nothing was started");
        }
    }

    private static String resourceName(JsonNode essentials, String target) {
        String item = JsonFields.text(essentials, "configurationItems[0]");
        return item != null && !item.isBlank() ? item : target.substring(target.lastIndexOf('/') + 1);
    }

    private static void describeEssentials(JsonNode e, List<String> lines) {
        line(lines, "Alert rule", JsonFields.text(e, "alertRule"));
        line(lines, "Severity", JsonFields.text(e, "severity"));
        line(lines, "Condition", JsonFields.text(e, "monitorCondition"));
        line(lines, "Signal", joined(JsonFields.text(e, "signalType"), " / ", JsonFields.text(e, "monitoringService")));
        line(lines, "Description", JsonFields.text(e, "description"));
        List<String> targets = new ArrayList<>();
        e.path("alertTargetIDs").forEach(t -> targets.add(t.asText()));
        line(lines, "Target", String.join(", ", targets));
        List<String> items = new ArrayList<>();
        e.path("configurationItems").forEach(t -> items.add(t.asText()));
        line(lines, "Configuration items", String.join(", ", items));
        line(lines, "Fired", JsonFields.text(e, "firedDateTime"));
        line(lines, "Resolved", JsonFields.text(e, "resolvedDateTime"));
        line(lines, "Alert id", JsonFields.text(e, "alertId"));
    }

    /** Each signal type's own facts: metric criteria, log query, activity log event, health event. */
    private static void describeContext(JsonNode context, List<String> lines) {
        line(lines, "Window", JsonFields.text(context, "condition.windowSize"));
        JsonNode criteria = context.path("condition").path("allOf");
        for (int i = 0; i < criteria.size(); i++) {
            JsonNode c = criteria.get(i);
            String name = JsonFields.text(c, "metricName");
            String query = JsonFields.text(c, "searchQuery");
            String subject = name != null ? name : query != null ? "query " + query : "criterion " + (i + 1);
            line(lines, "Criterion " + (i + 1), String.join(" ", Stream.of(subject,
                            JsonFields.text(c, "timeAggregation"), JsonFields.text(c, "operator"), JsonFields.text(c, "threshold"))
                    .filter(Objects::nonNull).toList())
                    + (c.hasNonNull("metricValue") ? "; value " + scalar(c.get("metricValue")) : ""));
            List<String> dimensions = new ArrayList<>();
            c.path("dimensions").forEach(d -> dimensions.add(d.path("name").asText() + "=" + d.path("value").asText()));
            line(lines, "Dimensions", String.join(", ", dimensions));
            line(lines, "Search results", JsonFields.text(c, "linkToSearchResultsUI"));
        }
        line(lines, "Operation", JsonFields.text(context, "operationName"));
        line(lines, "Caller", JsonFields.text(context, "caller"));
        line(lines, "Status", JsonFields.text(context, "status"));
        line(lines, "Level", JsonFields.text(context, "level"));
        JsonNode properties = context.path("properties");
        if (properties.isObject()) {
            line(lines, "Title", JsonFields.text(properties, "title"));
            line(lines, "Health", joined(JsonFields.text(properties, "previousHealthStatus"), " → ",
                    JsonFields.text(properties, "currentHealthStatus")));
            line(lines, "Cause", joined(JsonFields.text(properties, "type"), ", ", JsonFields.text(properties, "cause")));
            line(lines, "Tracking id", JsonFields.text(properties, "trackingId"));
            line(lines, "Incident type", JsonFields.text(properties, "incidentType"));
        }
    }

    /** A custom property set on the rule; blank is absent. */
    private static String property(JsonNode customProperties, String name) {
        String value = scalar(customProperties.get(name));
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.invalid(field, "'" + value + "' is not an ISO-8601 UTC time");
        }
    }

    private static String joined(String a, String separator, String b) {
        return a == null ? b : b == null ? a : a + separator + b;
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }

    /** A scalar as text; a structure (rare in these fields) as its JSON. */
    private static String scalar(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
