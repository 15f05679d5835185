package io.opsflow.handover;

/** What an item watches, read from the target cell according to the item's kind. */
public sealed interface MonitoringTarget {

    /**
     * An Azure scope: a resource ({@code type} like {@code Microsoft.Sql/servers/databases}), a
     * resource group or a subscription ({@code type} {@code Microsoft.Resources/resourceGroups},
     * {@code Microsoft.Resources/subscriptions}).
     */
    record AzureScope(String id, String subscriptionId, String type) implements MonitoringTarget {

        static final String RESOURCE_GROUP = "Microsoft.Resources/resourceGroups";
        static final String SUBSCRIPTION = "Microsoft.Resources/subscriptions";

        public boolean isResource() {
            return !type.equals(RESOURCE_GROUP) && !type.equals(SUBSCRIPTION);
        }
    }

    /** A Kusto query run in the customer's Log Analytics workspace; an alert fires on the number of rows. */
    record LogQuery(String query) implements MonitoringTarget {
    }

    /** A Zabbix item: host name and item key ({@code web01:system.cpu.load[all,avg1]}). */
    record ZabbixItem(String host, String key) implements MonitoringTarget {
    }
}
