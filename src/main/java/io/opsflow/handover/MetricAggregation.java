package io.opsflow.handover;

import java.util.Arrays;
import java.util.List;

/** How a metric alert aggregates the values in its window ({@code timeAggregation}); Average unless the condition says otherwise. */
public enum MetricAggregation {
    AVERAGE("Average", "平均", "avg"),
    MINIMUM("Minimum", "最小", "min"),
    MAXIMUM("Maximum", "最大", "max"),
    TOTAL("Total", "合計", "sum"),
    COUNT("Count", "件数", "回数");

    private final String azureName;
    private final List<String> words;

    MetricAggregation(String azureName, String... words) {
        this.azureName = azureName;
        this.words = List.of(words);
    }

    public String azureName() {
        return azureName;
    }

    static MetricAggregation parse(String text) {
        String key = Words.key(text);
        return Arrays.stream(values()).filter(a -> a.azureName.equalsIgnoreCase(key) || a.words.contains(key)).findFirst()
                .orElseThrow(() -> new RefusedValue("aggregation.unknown", text));
    }
}
