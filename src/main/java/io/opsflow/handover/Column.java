package io.opsflow.handover;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a monitoring items list, by their Japanese and English headers. Headers are matched
 * after {@link Words#key}: case, spaces and full-width letters do not matter, the order of columns
 * does not either.
 */
enum Column {
    ITEM(true, "監視項目", "item"),
    TARGET(true, "対象", "target"),
    KIND(true, "種別", "kind"),
    CONDITION(false, "条件", "condition"),
    THRESHOLD(false, "閾値", "threshold"),
    SEVERITY(true, "重要度", "severity"),
    FREQUENCY(false, "頻度", "frequency"),
    NOTIFICATION(false, "通知", "notification"),
    RUNBOOK(false, "診断Runbook", "runbook", "diagnosticrunbook"),
    PROCEDURE(false, "手順", "procedure");

    private final boolean required;
    private final String japanese;
    private final List<String> keys;

    Column(boolean required, String japanese, String... english) {
        this.required = required;
        this.japanese = japanese;
        this.keys = java.util.stream.Stream.concat(java.util.stream.Stream.of(Words.key(japanese)), Arrays.stream(english)).toList();
    }

    boolean required() {
        return required;
    }

    /** The header to name a column the file lacks, in the language the file's headers are written in. */
    String header(boolean japaneseHeaders) {
        return japaneseHeaders ? japanese : keys.get(1);
    }

    static Optional<Column> of(String header) {
        String key = Words.key(header);
        return Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
    }

    /** Japanese when any header holds a character outside ASCII. */
    static boolean japanese(List<String> headers) {
        return headers.stream().anyMatch(h -> h.chars().anyMatch(ch -> ch > 127));
    }
}
