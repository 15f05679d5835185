package io.opsflow.handover;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a target cell into the {@link MonitoringTarget} its item's kind asks for, or refuses it. */
final class TargetCell {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Subscription, then optionally resource group, then optionally provider namespace and type/name pairs. */
    private static final Pattern SCOPE = Pattern.compile("/subscriptions/(" + GUID + ")"
            + "(?:/resourceGroups/([^/]+)(?:/providers/([^/]+)((?:/[^/]+/[^/]+)+))?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZABBIX_HOST = Pattern.compile("[\\p{L}\\p{N} ._-]+");
    private static final Pattern ZABBIX_KEY = Pattern.compile("[A-Za-z0-9_.-]+(\\[.*])?");

    private TargetCell() {
    }

    /** A resource id; {@code scopes} allows a subscription or resource group too (activity log). */
    static MonitoringTarget.AzureScope azure(String text, boolean scopes) {
        String id = text.strip();
        Matcher m = SCOPE.matcher(id);
        if (!m.matches() || (!scopes && m.group(3) == null)) {
            throw new RefusedValue("target.resourceId", text);
        }
        String type;
        if (m.group(3) == null) {
            type = m.group(2) == null ? MonitoringTarget.AzureScope.SUBSCRIPTION : MonitoringTarget.AzureScope.RESOURCE_GROUP;
        } else {
            StringBuilder t = new StringBuilder(m.group(3));
            String[] pairs = m.group(4).substring(1).split("/");
            for (int i = 0; i < pairs.length; i += 2) {
                t.append('/').append(pairs[i]);
            }
            type = t.toString();
        }
        return new MonitoringTarget.AzureScope(id, m.group(1).toLowerCase(Locale.ROOT), type);
    }

    /** Service Health is subscribed per subscription: {@code /subscriptions/<id>} and nothing below it. */
    static MonitoringTarget.AzureScope subscription(String text) {
        MonitoringTarget.AzureScope scope = azure(text, true);
        if (!scope.type().equals(MonitoringTarget.AzureScope.SUBSCRIPTION)) {
            throw new RefusedValue("target.subscription", text);
        }
        return scope;
    }

    static MonitoringTarget.ZabbixItem zabbix(String text) {
        String clean = text.strip();
        int colon = clean.indexOf(':');
        if (colon < 1 || !ZABBIX_HOST.matcher(clean.substring(0, colon)).matches()
                || !ZABBIX_KEY.matcher(clean.substring(colon + 1)).matches()) {
            throw new RefusedValue("target.zabbix", text);
        }
        return new MonitoringTarget.ZabbixItem(clean.substring(0, colon).strip(), clean.substring(colon + 1));
    }

    static MonitoringTarget.LogQuery log(String text) {
        return new MonitoringTarget.LogQuery(LogQueryCheck.plausible(text));
    }
}
