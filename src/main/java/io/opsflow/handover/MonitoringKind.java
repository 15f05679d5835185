package io.opsflow.handover;

import java.util.Arrays;
import java.util.List;

/**
 * What a monitoring item watches, and so how its target and condition are read. A heartbeat is a
 * {@link #LOG} item (a query on the {@code Heartbeat} table), not a kind of its own: Azure alerts
 * on it with a log search rule like any other query.
 */
public enum MonitoringKind {
    /** A platform metric of an Azure resource: metric alert rule. */
    METRIC("metric", "メトリック", "メトリクス"),
    /** A Log Analytics query: log search alert rule. */
    LOG("log", "ログ", "loganalytics", "ログクエリ"),
    /** An Activity Log operation on a resource, group or subscription: activity log alert. */
    ACTIVITY_LOG("activitylog", "activity", "アクティビティログ", "アクティビティ"),
    /** Azure Service Health events of a subscription: activity log alert of category ServiceHealth. */
    SERVICE_HEALTH("servicehealth", "サービス正常性", "サービスヘルス"),
    /** A Zabbix item with a trigger on it. */
    ZABBIX("zabbix", "zabbixitem", "zabbixアイテム");

    private final List<String> words;

    MonitoringKind(String... words) {
        this.words = List.of(words);
    }

    static MonitoringKind parse(String text) {
        String key = Words.key(text).replace("_", "").replace("-", "");
        return Arrays.stream(values()).filter(kind -> kind.words.contains(key) || kind.name().replace("_", "").equalsIgnoreCase(key))
                .findFirst().orElseThrow(() -> new RefusedValue("kind.unknown", text));
    }

    /** Whether the item compares a number with a threshold (metric value, query rows, Zabbix item value). */
    boolean measured() {
        return this == METRIC || this == LOG || this == ZABBIX;
    }
}
