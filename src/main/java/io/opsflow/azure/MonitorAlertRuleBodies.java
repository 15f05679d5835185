package io.opsflow.azure;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request bodies of {@link MonitorAlertRules}' four resource types, in the shapes of the
 * contracts (contracts/azure-monitor-config): kept apart so that the operations class stays the
 * operations and its typed records.
 */
final class MonitorAlertRuleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MonitorAlertRuleBodies() {
    }

    static ObjectNode metricAlert(MonitorAlertRules.MetricAlertRule rule) {
        ObjectNode body = NODES.objectNode();
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
        for (MonitorAlertRules.StaticCriterion c : rule.criteria()) {
            ObjectNode criterion = allOf.addObject();
            criterion.put("criterionType", "StaticThresholdCriterion");
            criterion.put("name", c.name());
            criterion.put("metricName", c.metricName());
            criterion.put("metricNamespace", c.metricNamespace());
            criterion.put("operator", c.operator());
            criterion.put("threshold", plain(c.threshold()));
            criterion.put("timeAggregation", c.timeAggregation());
            criterion.putArray("dimensions");
        }
        p.put("autoMitigate", rule.autoMitigate());
        ArrayNode actions = p.putArray("actions");
        for (MonitorAlertRules.Action a : rule.actions()) {
            ObjectNode action = actions.addObject();
            action.put("actionGroupId", a.actionGroupId());
            ObjectNode properties = action.putObject("webHookProperties");
            a.webHookProperties().forEach(properties::put);
        }
        return body;
    }

    static ObjectNode actionGroup(MonitorAlertRules.ActionGroup group) {
        ObjectNode body = NODES.objectNode();
        body.put("location", "Global");
        tags(body, group.tags());
        ObjectNode p = body.putObject("properties");
        p.put("groupShortName", group.shortName());
        p.put("enabled", group.enabled());
        ArrayNode receivers = p.putArray("webhookReceivers");
        for (MonitorAlertRules.WebhookReceiver r : group.webhookReceivers()) {
            ObjectNode receiver = receivers.addObject().put("name", r.name()).put("serviceUri", r.serviceUri())
                    .put("useCommonAlertSchema", r.useCommonAlertSchema()).put("useAadAuth", r.useAadAuth());
            if (r.useAadAuth()) {
                receiver.put("objectId", r.objectId()).put("identifierUri", r.identifierUri()).put("tenantId", r.tenantId());
            }
        }
        return body;
    }

    static ObjectNode scheduledQueryRule(MonitorAlertRules.LogAlertRule rule) {
        ObjectNode body = NODES.objectNode();
        body.put("location", rule.location());
        body.put("kind", "LogAlert");
        tags(body, rule.tags());
        ObjectNode p = body.putObject("properties");
        p.put("displayName", rule.displayName());
        p.put("description", rule.description());
        p.put("severity", rule.severity());
        p.put("enabled", rule.enabled());
        rule.scopes().forEach(p.putArray("scopes")::add);
        p.put("evaluationFrequency", rule.evaluationFrequency().toString());
        p.put("windowSize", rule.windowSize().toString());
        ObjectNode criterion = p.putObject("criteria").putArray("allOf").addObject();
        criterion.put("query", rule.query());
        criterion.put("timeAggregation", "Count");
        criterion.put("operator", rule.operator());
        criterion.put("threshold", plain(rule.threshold()));
        criterion.putObject("failingPeriods").put("numberOfEvaluationPeriods", 1).put("minFailingPeriodsToAlert", 1);
        p.put("autoMitigate", rule.autoMitigate());
        ObjectNode actions = p.putObject("actions");
        rule.actionGroupIds().forEach(actions.putArray("actionGroups")::add);
        ObjectNode custom = actions.putObject("customProperties");
        rule.customProperties().forEach(custom::put);
        p.put("skipQueryValidation", false);
        return body;
    }

    static ObjectNode activityLogAlert(MonitorAlertRules.ActivityLogAlert alert) {
        ObjectNode body = NODES.objectNode();
        body.put("location", "Global");
        tags(body, alert.tags());
        ObjectNode p = body.putObject("properties");
        alert.scopes().forEach(p.putArray("scopes")::add);
        ArrayNode allOf = p.putObject("condition").putArray("allOf");
        alert.allOf().forEach(c -> condition(allOf.addObject(), c));
        ArrayNode groups = p.putObject("actions").putArray("actionGroups");
        for (MonitorAlertRules.Action a : alert.actions()) {
            ObjectNode group = groups.addObject().put("actionGroupId", a.actionGroupId());
            ObjectNode properties = group.putObject("webhookProperties");
            a.webHookProperties().forEach(properties::put);
        }
        p.put("enabled", alert.enabled());
        p.put("description", alert.description());
        return body;
    }

    private static void condition(ObjectNode node, MonitorAlertRules.Condition c) {
        if (c.anyOf() != null) {
            ArrayNode anyOf = node.putArray("anyOf");
            c.anyOf().forEach(leaf -> condition(anyOf.addObject(), leaf));
            return;
        }
        node.put("field", c.field());
        if (c.containsAny() != null) {
            c.containsAny().forEach(node.putArray("containsAny")::add);
        } else {
            node.put("equals", c.value());
        }
    }

    /** {@code 90}, not {@code 90.0} or {@code 9E+1}: the same number is the same text in every body. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void tags(ObjectNode body, Map<String, String> tags) {
        if (tags != null && !tags.isEmpty()) {
            ObjectNode node = body.putObject("tags");
            tags.forEach(node::put);
        }
    }
}
