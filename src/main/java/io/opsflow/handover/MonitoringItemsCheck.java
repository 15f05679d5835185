package io.opsflow.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsflow.azure.AzureResources;
import io.opsflow.azure.MonitorMetrics;
import io.opsflow.customer.Customer;

/**
 * A parsed monitoring items list checked against the customer's Azure with the identity opsflow
 * operates with: every Azure target lies in one of the customer's subscriptions and exists (ARM GET),
 * and every metric is one its resource defines. Metric definitions are asked once per resource type
 * in a check, as all VMs define the same platform metrics; but what a SQL database or elastic pool
 * defines depends on how it was bought (DTU or vCore), so those are asked per resource. Found
 * problems name the item's cell, as the parser's do. A technical failure (throttling, ARM unreachable) is thrown, not reported as a problem
 * in the list: the design team cannot fix it, the job retries it.
 */
@Component
public class MonitoringItemsCheck {

    /** Types whose metrics depend on the resource's purchase model: DTU metrics exist only on DTU databases and pools. */
    private static final Set<String> METRICS_BY_PURCHASE = Set.of("microsoft.sql/servers/databases", "microsoft.sql/servers/elasticpools");

    private final AzureResources resources;
    private final MonitorMetrics metrics;

    public MonitoringItemsCheck(AzureResources resources, MonitorMetrics metrics) {
        this.resources = resources;
        this.metrics = metrics;
    }

    public List<Problem> check(Customer customer, List<MonitoringItem> items) {
        List<String> subscriptions = customer.azure() == null ? List.of()
                : customer.azure().subscriptionIds().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Map<String, Boolean> exists = new HashMap<>();
        Map<String, Set<String>> metricsByType = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (MonitoringItem item : items) {
            if (!(item.target() instanceof MonitoringTarget.AzureScope scope)) {
                continue;
            }
            if (!subscriptions.contains(scope.subscriptionId())) {
                problems.add(at(item.targetCell(), "check.foreignSubscription", scope.id()));
            } else if (!exists.computeIfAbsent(scope.id().toLowerCase(Locale.ROOT), id -> exists(customer, scope))) {
                problems.add(at(item.targetCell(), "check.resourceNotFound", scope.id()));
            } else if (item.kind() == MonitoringKind.METRIC) {
                if (!defines(customer, scope, item.signal(), metricsByType)) {
                    problems.add(at(item.conditionCell(), "check.metricUnknown", item.signal(), scope.type()));
                }
            }
        }
        return problems;
    }

    /** Unknown when the resource went away since it was found (404): then no problem of its metric either. */
    private boolean defines(Customer customer, MonitoringTarget.AzureScope scope, String metric, Map<String, Set<String>> asked) {
        String type = scope.type().toLowerCase(Locale.ROOT);
        String key = METRICS_BY_PURCHASE.contains(type) ? scope.id().toLowerCase(Locale.ROOT) : type;
        Set<String> defined = asked.get(key);
        if (defined == null) {
            Optional<Set<String>> answer = metrics.definedMetrics(customer, scope.id());
            if (answer.isEmpty()) {
                return true;
            }
            defined = answer.get();
            asked.put(key, defined);
        }
        return defined.contains(metric);
    }

    /** A subscription scope is one of the customer's (checked before); a resource group has its own GET. */
    private boolean exists(Customer customer, MonitoringTarget.AzureScope scope) {
        if (scope.type().equals(MonitoringTarget.AzureScope.SUBSCRIPTION)) {
            return true;
        }
        if (scope.type().equals(MonitoringTarget.AzureScope.RESOURCE_GROUP)) {
            return resources.resourceGroupExists(customer, scope.subscriptionId(), scope.id().substring(scope.id().lastIndexOf('/') + 1));
        }
        return resources.resourceExists(customer, scope.id());
    }

    private static Problem at(MonitoringItem.Cell cell, String code, String... args) {
        return new Problem(cell.row(), cell.header(), code, List.of(args));
    }
}
