package io.opsflow.handover;

import java.util.List;

/** Azure Monitor's alert severities, Sev0 (critical) to Sev4 (verbose), as the portal names them in Japanese and English. */
public enum Severity {
    SEV0("致命的", "critical"),
    SEV1("重大", "error"),
    SEV2("警告", "warning"),
    SEV3("情報", "informational", "information"),
    SEV4("詳細", "verbose");

    private final List<String> words;

    Severity(String... words) {
        this.words = List.of(words);
    }

    /** The number Azure's {@code severity} property takes. */
    public int level() {
        return ordinal();
    }

    /** {@code 2}, {@code Sev2}, {@code sev 2}, {@code 警告} or {@code Warning}. */
    static Severity parse(String text) {
        String key = Words.key(text);
        String number = key.startsWith("sev") ? key.substring(3) : key;
        for (Severity severity : values()) {
            if (number.equals(String.valueOf(severity.ordinal())) || severity.words.contains(key)) {
                return severity;
            }
        }
        throw new RefusedValue("severity.unknown", text);
    }
}
