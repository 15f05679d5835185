package io.opsflow.azure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * Azure Monitor configuration that opsflow owns in a customer subscription: metric alert rules
 * ({@code metricAlerts}, 2026-01-01) and the action group that sends alerts to opsflow
 * ({@code actionGroups}, 2023-01-01). Both are whole-resource PUTs: idempotent, 201 when created,
 * 200 when replaced.
 */
public class MonitorAlertRules {

    static final String METRIC_ALERTS_API_VERSION = "2026-01-01";
    static final String ACTION_GROUPS_API_VERSION = "2023-01-01";

    private final ArmClient arm;

    MonitorAlertRules(ArmClient arm) {
        this.arm = arm;
    }

    /** A static-threshold condition on one metric. */
    public record StaticCriterion(String name, String metricName, String metricNamespace, String operator,
                                  BigDecimal threshold, String timeAggregation) {
    }

    /** An action group to notify; {@code webHookProperties} arrive as {@code customProperties} in the alert. */
    public record Action(String actionGroupId, Map<String, String> webHookProperties) {
    }

    /**
     * A metric alert rule. With one scope and static criteria it is a single-resource rule; with
     * several scopes set {@code targetResourceType} and {@code targetResourceRegion}.
     */
    public record MetricAlertRule(String description, int severity, boolean enabled, List<String> scopes,
                                  Duration evaluationFrequency, Duration windowSize, List<StaticCriterion> criteria,
                                  boolean autoMitigate, List<Action> actions, Map<String, String> tags,
                                  String targetResourceType, String targetResourceRegion) {
    }

    /** A webhook receiver; opsflow's always uses the common alert schema. */
    public record WebhookReceiver(String name, String serviceUri, boolean useCommonAlertSchema) {
    }

    /** An action group; {@code shortName} at most 12 characters. */
    public record ActionGroup(String shortName, boolean enabled, List<WebhookReceiver> webhookReceivers,
                              Map<String, String> tags) {
    }

    public ArmResource putMetricAlert(Customer customer, String subscriptionId, String resourceGroup, String ruleName,
                                      MetricAlertRule rule) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("location", "global");
        tags(body, rule.tags());
        ObjectNode p = body.putObject("properties");
        p.put("description", rule.description());
        p.put("severity", rule.severity());
        p.put("enabled", rule.enabled());
        rule.scopes().forEach(p.putArray("scopes")::add);
        p.put("evaluationFrequency", rule.evaluationFrequency().toString());
        p.put("windowSize", rule.windowSize().toString());
        if (rule.targetResourceType() != null) {
            p.put("targetResourceType", rule.targetResourceType());
            p.put("targetResourceRegion", rule.targetResourceRegion());
        }
        ObjectNode criteria = p.putObject("criteria");
        criteria.put("odata.type", rule.scopes().size() == 1
                ? "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria"
                : "Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria");
        ArrayNode allOf = criteria.putArray("allOf");
        for (StaticCriterion c : rule.criteria()) {
            ObjectNode criterion = allOf.addObject();
            criterion.put("criterionType", "StaticThresholdCriterion");
            criterion.put("name", c.name());
            criterion.put("metricName", c.metricName());
            criterion.put("metricNamespace", c.metricNamespace());
            criterion.put("operator", c.operator());
            criterion.put("threshold", c.threshold());
            criterion.put("timeAggregation", c.timeAggregation());
            criterion.putArray("dimensions");
        }
        p.put("autoMitigate", rule.autoMitigate());
        ArrayNode actions = p.putArray("actions");
        for (Action a : rule.actions()) {
            ObjectNode action = actions.addObject();
            action.put("actionGroupId", a.actionGroupId());
            ObjectNode properties = action.putObject("webHookProperties");
            a.webHookProperties().forEach(properties::put);
        }
        return ArmResource.from(arm.send(customer, ArmRequest.put(
                insightsPath(subscriptionId, resourceGroup, "metricAlerts", ruleName), METRIC_ALERTS_API_VERSION, body)));
    }

    public ArmResource putActionGroup(Customer customer, String subscriptionId, String resourceGroup, String name,
                                      ActionGroup group) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("location", "Global");
        tags(body, group.tags());
        ObjectNode p = body.putObject("properties");
        p.put("groupShortName", group.shortName());
        p.put("enabled", group.enabled());
        ArrayNode receivers = p.putArray("webhookReceivers");
        for (WebhookReceiver r : group.webhookReceivers()) {
            receivers.addObject().put("name", r.name()).put("serviceUri", r.serviceUri())
                    .put("useCommonAlertSchema", r.useCommonAlertSchema()).put("useAadAuth", false);
        }
        return ArmResource.from(arm.send(customer, ArmRequest.put(
                insightsPath(subscriptionId, resourceGroup, "actionGroups", name), ACTION_GROUPS_API_VERSION, body)));
    }

    private static void tags(ObjectNode body, Map<String, String> tags) {
        if (tags != null && !tags.isEmpty()) {
            ObjectNode node = body.putObject("tags");
            tags.forEach(node::put);
        }
    }

    private static String insightsPath(String subscriptionId, String resourceGroup, String type, String name) {
        return ArmPath.of("subscriptions", subscriptionId, "resourceGroups", resourceGroup,
                "providers", "Microsoft.Insights", type, name);
    }
}
