package io.opsflow.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.opsflow.azure.MonitorAlertRules;
import io.opsflow.azure.MonitorAlertRules.Condition;
import io.opsflow.azure.MonitorAlertRules.Definition;
import io.opsflow.customer.Customer;

/**
 * The alert rule of one monitoring item, as {@link MonitoringDesign} describes it: METRIC a metric
 * alert on the resource, LOG a log search alert on the customer's workspace, ACTIVITY_LOG an
 * Administrative activity log alert on the scope, SERVICE_HEALTH a Service Health alert on the
 * subscription; ZABBIX none. The workspace's region is asked only when a LOG item needs it, once.
 */
final class MonitoringRules {

    private final Customer customer;
    private final MonitoringDesign.Place place;
    private final String actionGroupId;
    private final Supplier<String> workspaceLocation;
    private String location;

    MonitoringRules(Customer customer, MonitoringDesign.Place place, String actionGroupId, Supplier<String> workspaceLocation) {
        this.customer = customer;
        this.place = place;
        this.actionGroupId = actionGroupId;
        this.workspaceLocation = workspaceLocation;
    }

    Optional<Definition> of(MonitoringItem item) {
        String name = MonitoringRuleNames.of(customer.id(), item);
        Map<String, String> marks = MonitoringDesign.marks(customer, item);
        boolean notify = item.notification() != Notification.NONE;
        List<MonitorAlertRules.Action> actions = notify ? List.of(new MonitorAlertRules.Action(actionGroupId, marks)) : List.of();
        return switch (item.kind()) {
            case METRIC -> Optional.of(metric(item, name, marks, actions));
            case LOG -> Optional.of(log(item, name, marks, notify));
            case ACTIVITY_LOG, SERVICE_HEALTH -> Optional.of(activity(item, name, marks, actions));
            case ZABBIX -> Optional.empty();
        };
    }

    private Definition metric(MonitoringItem item, String name, Map<String, String> marks, List<MonitorAlertRules.Action> actions) {
        MonitoringTarget.AzureScope target = (MonitoringTarget.AzureScope) item.target();
        MetricAggregation aggregation = item.aggregation() == null ? MetricAggregation.AVERAGE : item.aggregation();
        return MonitorAlertRules.metricAlert(target.subscriptionId(), place.resourceGroup(), name,
                new MonitorAlertRules.MetricAlertRule(item.name(), item.severity().level(), true, List.of(target.id()),
                        frequency(item, MonitoringDesign.METRIC_FREQUENCY), window(item, MonitoringDesign.METRIC_WINDOW),
                        List.of(new MonitorAlertRules.StaticCriterion(MonitoringDesign.ITEM_TAG, item.signal(), target.type(),
                                item.operator().azureName(), item.threshold().value(), aggregation.azureName())),
                        true, actions, marks, null, null));
    }

    private Definition log(MonitoringItem item, String name, Map<String, String> marks, boolean notify) {
        MonitoringTarget.LogQuery target = (MonitoringTarget.LogQuery) item.target();
        if (location == null) {
            location = workspaceLocation.get();
        }
        return MonitorAlertRules.scheduledQueryRule(place.subscriptionId(), place.resourceGroup(), name,
                new MonitorAlertRules.LogAlertRule(item.name(), item.name(), item.severity().level(), true, location,
                        List.of(place.workspaceId()), frequency(item, MonitoringDesign.LOG_FREQUENCY),
                        window(item, MonitoringDesign.LOG_WINDOW), target.query(), item.operator().azureName(),
                        item.threshold().value(), true, notify ? List.of(actionGroupId) : List.of(), marks, marks));
    }

    private Definition activity(MonitoringItem item, String name, Map<String, String> marks, List<MonitorAlertRules.Action> actions) {
        MonitoringTarget.AzureScope target = (MonitoringTarget.AzureScope) item.target();
        List<Condition> allOf = new ArrayList<>();
        List<String> scopes;
        if (item.kind() == MonitoringKind.SERVICE_HEALTH) {
            scopes = List.of("/subscriptions/" + target.subscriptionId());
            allOf.add(Condition.equalTo("category", "ServiceHealth"));
            List<Condition> types = Arrays.stream(item.signal().split(",")).filter(s -> !s.isBlank())
                    .map(type -> Condition.equalTo("properties.incidentType", type.strip())).toList();
            if (types.size() == 1) {
                allOf.add(types.get(0));
            } else if (types.size() > 1) {
                allOf.add(Condition.anyOf(types));
            }
        } else {
            scopes = List.of(target.id());
            allOf.add(Condition.equalTo("category", "Administrative"));
            if (!item.signal().isBlank()) {
                allOf.add(Condition.equalTo("operationName", item.signal()));
            }
        }
        return MonitorAlertRules.activityLogAlert(target.subscriptionId(), place.resourceGroup(), name,
                new MonitorAlertRules.ActivityLogAlert(item.name(), true, scopes, allOf, actions, marks));
    }

    private static Duration frequency(MonitoringItem item, Duration otherwise) {
        return item.evaluation() == null ? otherwise : item.evaluation().frequency();
    }

    private static Duration window(MonitoringItem item, Duration otherwise) {
        return item.evaluation() == null ? otherwise : item.evaluation().window();
    }
}
