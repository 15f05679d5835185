package io.opsflow.handover;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an item is evaluated and over which window: {@code 5分}, {@code 5m}, {@code 1h},
 * {@code PT5M}, or frequency and window as {@code 1分/5分} ({@code PT1M/PT5M}). Without a window the
 * window is the frequency.
 */
public record Evaluation(Duration frequency, Duration window) {

    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(秒|s|sec|分|m|min|時間|h|hour|hours|日|d|day|days)(?:毎|ごと|おき)?");

    static Evaluation parse(String text) {
        String[] parts = Words.clean(text).split("\\s*/\\s*", -1);
        if (parts.length > 2) {
            throw new RefusedValue("frequency.invalid", text);
        }
        Duration frequency = span(parts[0], text);
        return new Evaluation(frequency, parts.length == 2 ? span(parts[1], text) : frequency);
    }

    private static Duration span(String part, String text) {
        String lower = part.toLowerCase(Locale.ROOT);
        Duration span;
        Matcher m = SPAN.matcher(lower);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            span = switch (m.group(2)) {
                case "秒", "s", "sec" -> Duration.ofSeconds(n);
                case "分", "m", "min" -> Duration.ofMinutes(n);
                case "時間", "h", "hour", "hours" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                span = Duration.parse(part.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new RefusedValue("frequency.invalid", text);
            }
        }
        if (span.isZero() || span.isNegative()) {
            throw new RefusedValue("frequency.invalid", text);
        }
        return span;
    }
}
