package io.opsflow.handover;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    Pattern SCOPE = Pattern.compile("/subscriptions/(" + GUID + ")(?:/resourceGroups/([^/]+)(?:/providers/([^/]+)((?:/[^/]+/[^/]+)+))?)?",
            Pattern.CASE_INSENSITIVE);
    Pattern ZABBIX_HOST = Pattern.compile("[\\p{L}\\p{N} ._-]+");
    Pattern ZABBIX_KEY = Pattern.compile("[A-Za-z0-9_.-]+(\\[.*])?");

    /** A resource id; {@code scopes} allows a subscription or resource group too (activity log). */
    static AzureScope azure(String text, boolean scopes) {
        String id = text.strip();
        Matcher m = SCOPE.matcher(id);
        if (!m.matches() || (!scopes && m.group(3) == null)) {
            throw new RefusedValue("target.resourceId", text);
        }
        String type;
        if (m.group(3) == null) {
            type = m.group(2) == null ? AzureScope.SUBSCRIPTION : AzureScope.RESOURCE_GROUP;
        } else {
            StringBuilder t = new StringBuilder(m.group(3));
            String[] pairs = m.group(4).substring(1).split("/");
            for (int i = 0; i < pairs.length; i += 2) {
                t.append('/').append(pairs[i]);
            }
            type = t.toString();
        }
        return new AzureScope(id, m.group(1).toLowerCase(Locale.ROOT), type);
    }

    /** Service Health is subscribed per subscription: {@code /subscriptions/<id>} and nothing below it. */
    static AzureScope subscription(String text) {
        AzureScope scope = azure(text, true);
        if (!scope.type().equals(AzureScope.SUBSCRIPTION)) {
            throw new RefusedValue("target.subscription", text);
        }
        return scope;
    }

    static ZabbixItem zabbix(String text) {
        String clean = text.strip();
        int colon = clean.indexOf(':');
        if (colon < 1 || !ZABBIX_HOST.matcher(clean.substring(0, colon)).matches()
                || !ZABBIX_KEY.matcher(clean.substring(colon + 1)).matches()) {
            throw new RefusedValue("target.zabbix", text);
        }
        return new ZabbixItem(clean.substring(0, colon).strip(), clean.substring(colon + 1));
    }

    static LogQuery log(String text) {
        return new LogQuery(LogQueryCheck.plausible(text));
    }
}
