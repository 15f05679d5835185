package io.opsflow.handover;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;
import io.opsflow.incident.Alert;

/**
 * The synthetic alert of one monitoring item in a pre-operation test, shaped as its monitoring system
 * sends it (Azure Monitor's common alert schema per signal type, the Zabbix webhook media type's
 * parameters), so it takes the real path through the webhook. Each carries the item ({@code opsflow-item})
 * and the run ({@code opsflow-test}), and an alert id derived from both: firing the same item of the same
 * run again is a duplicate, a new run is a new alert.
 */
final class PreOperationPayloads {

    /** A payload ready to send and the alert id opsflow will open the incident under (its correlation id). */
    record Payload(String alertId, ObjectNode body) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter ZABBIX_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT);
    private static final DateTimeFormatter ZABBIX_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final String[] ZABBIX_SEVERITIES = {"Disaster", "High", "Average", "Warning", "Information"};

    private PreOperationPayloads() {
    }

    /** Stable per (run, item), so a retried fire is recognised as the same alert. */
    static String eventId(String runId, MonitoringItem item) {
        return UUID.nameUUIDFromBytes((runId + "\u0000" + item.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Payload azure(Customer customer, MonitoringItem item, String runId, Instant firedAt) {
        String target = target(customer, item);
        String subscription = target.split("/")[2];
        String alertId = "/subscriptions/" + subscription + "/providers/Microsoft.AlertsManagement/alerts/" + eventId(runId, item);
        ObjectNode essentials = JSON.objectNode();
        essentials.put("alertId", alertId);
        essentials.put("alertRule", item.name());
        essentials.put("severity", "Sev" + severityLevel(item));
        essentials.put("signalType", switch (item.kind()) {
            case METRIC -> "Metric";
            case LOG -> "Log";
            default -> "Activity Log";
        });
        essentials.put("monitorCondition", "Fired");
        essentials.put("monitoringService", switch (item.kind()) {
            case METRIC -> "Platform";
            case LOG -> "Log Alerts V2";
            case ACTIVITY_LOG -> "Activity Log - Administrative";
            default -> "ServiceHealth";
        });
        essentials.putArray("alertTargetIDs").add(target.toLowerCase(Locale.ROOT));
        essentials.putArray("configurationItems").add(target.substring(target.lastIndexOf('/') + 1));
        essentials.put("originAlertId", "opsflow-pre-operation-test_" + runId);
        essentials.put("firedDateTime", firedAt.toString());
        essentials.put("description", "opsflow pre-operation test " + runId + ": " + item.name());
        essentials.put("essentialsVersion", "1.0");
        essentials.put("alertContextVersion", "1.0");

        ObjectNode root = JSON.objectNode();
        root.put("schemaId", "azureMonitorCommonAlertSchema");
        ObjectNode data = root.putObject("data");
        data.set("essentials", essentials);
        data.set("alertContext", context(item, target, runId, firedAt));
        data.putObject("customProperties").put(Alert.ITEM_PROPERTY, item.name()).put(Alert.TEST_PROPERTY, runId);
        return new Payload(alertId, root);
    }

    /**
     * The webhook media type's parameters for a problem of the item's host, every value a string as
     * Zabbix sends them; times in the Zabbix server's zone, as {EVENT.DATE} and {EVENT.TIME} are.
     */
    static Payload zabbix(Customer customer, MonitoringItem item, String runId, Instant firedAt, ZoneId serverZone) {
        MonitoringTarget.ZabbixItem target = (MonitoringTarget.ZabbixItem) item.target();
        String eventId = eventId(runId, item);
        int level = severityLevel(item);
        String severity = ZABBIX_SEVERITIES[level];
        ArrayNode tags = JSON.arrayNode();
        tags.addObject().put("tag", "customer").put("value", customer.id());
        tags.addObject().put("tag", Alert.ITEM_PROPERTY).put("value", item.name());
        tags.addObject().put("tag", Alert.TEST_PROPERTY).put("value", runId);
        ObjectNode body = JSON.objectNode();
        body.put("event_id", eventId);
        body.put("event_name", item.name());
        body.put("event_value", "1");
        body.put("event_status", "PROBLEM");
        body.put("event_severity", severity);
        body.put("event_nseverity", String.valueOf(5 - level));
        body.put("event_date", ZABBIX_DATE.format(firedAt.atZone(serverZone)));
        body.put("event_time", ZABBIX_TIME.format(firedAt.atZone(serverZone)));
        body.put("event_tags", tags.toString());
        body.put("event_update_status", "0");
        body.put("trigger_name", item.name());
        body.put("trigger_severity", severity);
        body.put("trigger_status", "PROBLEM");
        body.put("host_name", target.host());
        body.put("host_host", target.host());
        body.put("item_name", target.key());
        body.put("alert_subject", "Problem: " + item.name());
        body.put("alert_message", "opsflow pre-operation test " + runId + ": " + item.name());
        return new Payload("zabbix:" + customer.id() + ":" + eventId, body);
    }

    /** The item's Azure resource; a log query's alert is about the customer's subscription, its workspace not being in the list. */
    private static String target(Customer customer, MonitoringItem item) {
        if (item.target() instanceof MonitoringTarget.AzureScope scope) {
            return scope.id();
        }
        if (customer.azure() == null || customer.azure().subscriptionIds().isEmpty()) {
            throw new IllegalArgumentException("Customer '" + customer.id() + "' has no subscription (azure.subscriptionIds) for the test of item '"
                    + item.name() + "'");
        }
        return "/subscriptions/" + customer.azure().subscriptionIds().get(0);
    }

    private static int severityLevel(MonitoringItem item) {
        return item.severity() == null ? Severity.SEV3.level() : item.severity().level();
    }

    /** What each signal type's alert context says, with the fields the webhook reads for operators. */
    private static ObjectNode context(MonitoringItem item, String target, String runId, Instant firedAt) {
        ObjectNode context = JSON.objectNode();
        switch (item.kind()) {
            case METRIC -> {
                context.putNull("properties");
                context.put("conditionType", "SingleResourceMultipleMetricCriteria");
                ObjectNode condition = context.putObject("condition");
                condition.put("windowSize", "PT5M");
                ObjectNode criterion = condition.putArray("allOf").addObject();
                criterion.put("metricName", item.signal());
                criterion.put("metricNamespace", resourceType(target));
                criterion.put("operator", item.operator() == null ? "GreaterThan" : item.operator().azureName());
                criterion.put("threshold", item.threshold() == null ? "0" : item.threshold().value().toPlainString());
                criterion.put("timeAggregation", item.aggregation() == null ? "Average" : item.aggregation().azureName());
                criterion.putArray("dimensions");
                condition.put("windowStartTime", firedAt.minusSeconds(300).toString());
                condition.put("windowEndTime", firedAt.toString());
            }
            case LOG -> {
                context.putObject("properties");
                context.put("conditionType", "LogQueryCriteria");
                ObjectNode condition = context.putObject("condition");
                condition.put("windowSize", "PT5M");
                ObjectNode criterion = condition.putArray("allOf").addObject();
                criterion.put("searchQuery", ((MonitoringTarget.LogQuery) item.target()).query());
                criterion.putNull("metricMeasureColumn");
                criterion.put("targetResourceTypes", "['Microsoft.OperationalInsights/workspaces']");
                criterion.put("operator", item.operator() == null ? "GreaterThan" : item.operator().azureName());
                criterion.put("threshold", item.threshold() == null ? "0" : item.threshold().value().toPlainString());
                criterion.put("timeAggregation", "Count");
                criterion.putArray("dimensions");
                criterion.put("metricValue", 1);
                criterion.putObject("failingPeriods").put("numberOfEvaluationPeriods", 1).put("minFailingPeriodsToAlert", 1);
                condition.put("windowStartTime", firedAt.minusSeconds(300).toString());
                condition.put("windowEndTime", firedAt.toString());
            }
            case ACTIVITY_LOG -> {
                String operation = item.signal() == null || item.signal().isBlank() ? "Microsoft.Resources/tags/write" : item.signal();
                context.putObject("authorization").put("action", operation).put("scope", target);
                context.put("channels", "Operation");
                context.put("caller", "opsflow pre-operation test");
                context.put("correlationId", runId);
                context.put("eventSource", "Administrative");
                context.put("eventTimestamp", firedAt.toString());
                context.put("level", "Informational");
                context.put("operationName", operation);
                context.put("status", "Succeeded");
                context.put("subStatus", "");
                context.put("submissionTimestamp", firedAt.toString());
            }
            default -> {
                context.put("channels", "Admin");
                context.put("correlationId", runId);
                context.put("eventSource", "ServiceHealth");
                context.put("eventTimestamp", firedAt.toString());
                context.put("level", "Warning");
                context.put("operationName", "Microsoft.ServiceHealth/incident/action");
                ObjectNode properties = context.putObject("properties");
                properties.put("title", "opsflow pre-operation test " + runId + ": " + item.name());
                properties.put("service", "Virtual Machines");
                properties.put("region", "Japan East");
                properties.put("communication", "opsflow pre-operation test: no Azure service is affected.");
                properties.put("incidentType", item.signal() == null || item.signal().isBlank() ? "Incident" : item.signal().split("[,、\\s]+")[0]);
                properties.put("trackingId", "PREOP-" + runId);
                properties.put("impactStartTime", firedAt.toString());
                properties.put("stage", "Active");
                context.put("status", "Active");
                context.put("submissionTimestamp", firedAt.toString());
            }
        }
        return context;
    }

    /** {@code Microsoft.Compute/virtualMachines} from an ARM resource id, as a metric namespace names it. */
    private static String resourceType(String resourceId) {
        String[] segments = resourceId.split("/");
        for (int i = 0; i + 2 < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("providers")) {
                return segments[i + 1] + "/" + segments[i + 2];
            }
        }
        return null;
    }
}
