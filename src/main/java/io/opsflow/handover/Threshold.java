package io.opsflow.handover;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number an item's value is compared with, in the unit it was written in. Sizes are turned into
 * bytes (1 KB = 1024 B, as Windows and Azure's memory metrics count), because Azure's byte metrics
 * ({@code Available Memory Bytes}) take plain bytes.
 */
public record Threshold(BigDecimal value, Unit unit) {

    public enum Unit { NONE, PERCENT, MILLISECONDS, SECONDS, COUNT, BYTES }

    private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(.*)");
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("", Unit.NONE), Map.entry("%", Unit.PERCENT), Map.entry("percent", Unit.PERCENT),
            Map.entry("ms", Unit.MILLISECONDS), Map.entry("ミリ秒", Unit.MILLISECONDS),
            Map.entry("s", Unit.SECONDS), Map.entry("sec", Unit.SECONDS), Map.entry("秒", Unit.SECONDS),
            Map.entry("件", Unit.COUNT), Map.entry("回", Unit.COUNT), Map.entry("count", Unit.COUNT),
            Map.entry("b", Unit.BYTES), Map.entry("bytes", Unit.BYTES), Map.entry("kb", Unit.BYTES), Map.entry("mb", Unit.BYTES),
            Map.entry("gb", Unit.BYTES), Map.entry("tb", Unit.BYTES));

    /** {@code 90%}, {@code 500 ms}, {@code 1.5 GB}, {@code 0}, {@code 1,000件}; a percentage must lie in 0–100. */
    static Threshold parse(String text) {
        Matcher m = NUMBER.matcher(Words.clean(text).replace(",", ""));
        if (!m.matches()) {
            throw new RefusedValue("threshold.invalid", text);
        }
        String unitText = m.group(2).toLowerCase(Locale.ROOT);
        Unit unit = UNITS.get(unitText);
        if (unit == null) {
            throw new RefusedValue("threshold.unit", text, m.group(2));
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (unit == Unit.PERCENT && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new RefusedValue("threshold.percentRange", text);
        }
        int power = switch (unitText) {
            case "kb" -> 1;
            case "mb" -> 2;
            case "gb" -> 3;
            case "tb" -> 4;
            default -> 0;
        };
        return new Threshold(value.multiply(BigDecimal.valueOf(1024).pow(power)), unit);
    }
}
