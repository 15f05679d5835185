package io.opsflow.handover;

import java.util.Arrays;
import java.util.List;

/**
 * What an alert of the item does: raise a ServiceNow incident through opsflow (the default), or be
 * recorded only (kept in the alert history, nobody paged).
 */
public enum Notification {
    INCIDENT("incident", "servicenow", "インシデント", "インシデント起票", "起票"),
    NONE("none", "recordonly", "なし", "記録のみ", "通知なし");

    private final List<String> words;

    Notification(String... words) {
        this.words = List.of(words);
    }

    static Notification parse(String text) {
        String key = Words.key(text).replace("-", "");
        return Arrays.stream(values()).filter(n -> n.words.contains(key)).findFirst()
                .orElseThrow(() -> new RefusedValue("notification.unknown", text));
    }
}
