package io.opsflow.azure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * Azure Monitor configuration that opsflow owns in a customer subscription: the action group that
 * sends alerts to opsflow ({@code actionGroups}, 2023-01-01) and the alert rules that use it: metric
 * alerts ({@code metricAlerts}, 2026-01-01), log search alerts ({@code scheduledQueryRules},
 * 2026-03-01) and activity log alerts ({@code activityLogAlerts}, 2026-01-01). All four are
 * whole-resource PUTs: idempotent, 201 when created, 200 when replaced. A {@link Definition} is the
 * body opsflow sends, built once, so that what is compared with the current resource ({@link #get})
 * is exactly what is PUT.
 */
public class MonitorAlertRules {

    static final String METRIC_ALERTS_API_VERSION = "2026-01-01";
    static final String ACTION_GROUPS_API_VERSION = "2023-01-01";
    static final String SCHEDULED_QUERY_RULES_API_VERSION = "2026-03-01";
    static final String ACTIVITY_LOG_ALERTS_API_VERSION = "2026-01-01";

    private final ArmClient arm;

    MonitorAlertRules(ArmClient arm) {
        this.arm = arm;
    }

    /** The four Microsoft.Insights resource types, each with its collection name and api-version. */
    public enum Kind {
        ACTION_GROUP("actionGroups", ACTION_GROUPS_API_VERSION),
        METRIC_ALERT("metricAlerts", METRIC_ALERTS_API_VERSION),
        SCHEDULED_QUERY_RULE("scheduledQueryRules", SCHEDULED_QUERY_RULES_API_VERSION),
        ACTIVITY_LOG_ALERT("activityLogAlerts", ACTIVITY_LOG_ALERTS_API_VERSION);

        private final String collection;
        private final String apiVersion;

        Kind(String collection, String apiVersion) {
            this.collection = collection;
            this.apiVersion = apiVersion;
        }

        /** {@code metricAlerts}: the path segment, and the type name opsflow reports it under (singular). */
        public String collection() {
            return collection;
        }

        public String apiVersion() {
            return apiVersion;
        }
    }

    /** One resource as opsflow PUTs it; {@code body} is the whole request body. */
    public record Definition(Kind kind, String subscriptionId, String resourceGroup, String name, ObjectNode body) {

        /** The resource id, with the provider written as ARM documents it. */
        public String id() {
            return path(subscriptionId, resourceGroup, kind, name);
        }
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

    /**
     * A log search alert ({@code kind LogAlert}) counting the rows of {@code query} in the scoped
     * workspace, alerting when {@code operator threshold} holds in one evaluation out of one.
     *
     * @param location         the region of the scoped workspace (ARM refuses another)
     * @param actionGroupIds   empty: the rule fires into the alert history only
     * @param customProperties arrive as {@code customProperties} in the common-schema alert
     */
    public record LogAlertRule(String displayName, String description, int severity, boolean enabled, String location,
                               List<String> scopes, Duration evaluationFrequency, Duration windowSize, String query,
                               String operator, BigDecimal threshold, boolean autoMitigate, List<String> actionGroupIds,
                               Map<String, String> customProperties, Map<String, String> tags) {
    }

    /** A condition of an activity log alert: {@code field} equals {@code value}, {@code field containsAny}, or {@code anyOf}. */
    public record Condition(String field, String value, List<String> containsAny, List<Condition> anyOf) {

        public static Condition equalTo(String field, String value) {
            return new Condition(field, value, null, null);
        }

        public static Condition anyOf(List<Condition> leaves) {
            return new Condition(null, null, null, leaves);
        }
    }

    /**
     * An activity log alert; for Service Health the scope is exactly the subscription it lives in.
     * Activity log alerts have no severity: they fire on the event itself.
     */
    public record ActivityLogAlert(String description, boolean enabled, List<String> scopes, List<Condition> allOf,
                                   List<Action> actions, Map<String, String> tags) {
    }

    /**
     * A webhook receiver; opsflow's always uses the common alert schema. With {@code useAadAuth} it
     * is a Secure Webhook: Azure Monitor sends an Entra token for the app ({@code objectId},
     * {@code identifierUri} in {@code tenantId}) instead of a secret in {@code serviceUri}.
     */
    public record WebhookReceiver(String name, String serviceUri, boolean useCommonAlertSchema, boolean useAadAuth,
                                  String objectId, String identifierUri, String tenantId) {

        /** A plain webhook. */
        public WebhookReceiver(String name, String serviceUri, boolean useCommonAlertSchema) {
            this(name, serviceUri, useCommonAlertSchema, false, null, null, null);
        }
    }

    /** An action group; {@code shortName} at most 12 characters. */
    public record ActionGroup(String shortName, boolean enabled, List<WebhookReceiver> webhookReceivers,
                              Map<String, String> tags) {
    }

    public static Definition metricAlert(String subscriptionId, String resourceGroup, String ruleName, MetricAlertRule rule) {
        return new Definition(Kind.METRIC_ALERT, subscriptionId, resourceGroup, ruleName, MonitorAlertRuleBodies.metricAlert(rule));
    }

    public static Definition actionGroup(String subscriptionId, String resourceGroup, String name, ActionGroup group) {
        return new Definition(Kind.ACTION_GROUP, subscriptionId, resourceGroup, name, MonitorAlertRuleBodies.actionGroup(group));
    }

    public static Definition scheduledQueryRule(String subscriptionId, String resourceGroup, String ruleName, LogAlertRule rule) {
        return new Definition(Kind.SCHEDULED_QUERY_RULE, subscriptionId, resourceGroup, ruleName,
                MonitorAlertRuleBodies.scheduledQueryRule(rule));
    }

    public static Definition activityLogAlert(String subscriptionId, String resourceGroup, String name, ActivityLogAlert alert) {
        return new Definition(Kind.ACTIVITY_LOG_ALERT, subscriptionId, resourceGroup, name, MonitorAlertRuleBodies.activityLogAlert(alert));
    }

    /** PUTs the whole resource (create or replace). */
    public ArmResource put(Customer customer, Definition definition) {
        return ArmResource.from(arm.send(customer, ArmRequest.put(
                path(definition.subscriptionId(), definition.resourceGroup(), definition.kind(), definition.name()),
                definition.kind().apiVersion(), definition.body())));
    }

    /** The resource as ARM holds it now, read-only fields included; empty when it does not exist (404). */
    public Optional<JsonNode> get(Customer customer, Kind kind, String subscriptionId, String resourceGroup, String name) {
        return arm.find(customer, ArmRequest.get(path(subscriptionId, resourceGroup, kind, name), kind.apiVersion()))
                .map(ArmResponse::json);
    }

    public ArmResource putMetricAlert(Customer customer, String subscriptionId, String resourceGroup, String ruleName,
                                      MetricAlertRule rule) {
        return put(customer, metricAlert(subscriptionId, resourceGroup, ruleName, rule));
    }

    public ArmResource putActionGroup(Customer customer, String subscriptionId, String resourceGroup, String name,
                                      ActionGroup group) {
        return put(customer, actionGroup(subscriptionId, resourceGroup, name, group));
    }

    public ArmResource putScheduledQueryRule(Customer customer, String subscriptionId, String resourceGroup, String ruleName,
                                             LogAlertRule rule) {
        return put(customer, scheduledQueryRule(subscriptionId, resourceGroup, ruleName, rule));
    }

    public ArmResource putActivityLogAlert(Customer customer, String subscriptionId, String resourceGroup, String name,
                                           ActivityLogAlert alert) {
        return put(customer, activityLogAlert(subscriptionId, resourceGroup, name, alert));
    }

    private static String path(String subscriptionId, String resourceGroup, Kind kind, String name) {
        return ArmPath.of("subscriptions", subscriptionId, "resourceGroups", resourceGroup,
                "providers", "Microsoft.Insights", kind.collection(), name);
    }
}
