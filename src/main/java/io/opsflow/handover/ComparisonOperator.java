package io.opsflow.handover;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** How a measured value is compared with the threshold; {@link #azureName()} is the alert rules' {@code operator}. */
public enum ComparisonOperator {
    GREATER_THAN("GreaterThan", ">", "gt", "greater than", "より大きい", "超", "超過", "を超える"),
    GREATER_THAN_OR_EQUAL("GreaterThanOrEqual", ">=", "≥", "ge", "greater than or equal", "greater than or equal to", "以上"),
    LESS_THAN("LessThan", "<", "lt", "less than", "未満", "より小さい", "を下回る"),
    LESS_THAN_OR_EQUAL("LessThanOrEqual", "<=", "≤", "le", "less than or equal", "less than or equal to", "以下"),
    EQUALS("Equals", "=", "==", "eq", "equals", "equal to", "等しい", "と等しい");

    private final String azureName;
    private final List<String> words;

    ComparisonOperator(String azureName, String... words) {
        this.azureName = azureName;
        this.words = List.of(words);
    }

    public String azureName() {
        return azureName;
    }

    /** A condition split into what is measured (may be empty) and the operator it ends with. */
    record Split(String signal, ComparisonOperator operator) {
    }

    /**
     * Reads the operator at the end of {@code text}: {@code Percentage CPU >=}, {@code Percentage CPU 以上},
     * {@code >}, {@code GreaterThan}. The longest matching word wins, so {@code >=} is not read as {@code =}.
     */
    static Split split(String text) {
        String clean = Words.clean(text);
        String lower = clean.toLowerCase(Locale.ROOT);
        Optional<Match> best = Stream.of(values())
                .flatMap(op -> Stream.concat(op.words.stream(), Stream.of(op.azureName.toLowerCase(Locale.ROOT)))
                        .map(word -> new Match(op, word)))
                .filter(m -> endsWithWord(lower, m.word()))
                .max(Comparator.comparingInt(m -> m.word().length()));
        if (best.isEmpty()) {
            throw new RefusedValue("operator.unknown", text);
        }
        return new Split(clean.substring(0, clean.length() - best.get().word().length()).strip(), best.get().operator());
    }

    private record Match(ComparisonOperator operator, String word) {
    }

    /** A word of letters must stand alone ({@code ...Requests lt} but not {@code ...Result}); signs and Japanese need not. */
    private static boolean endsWithWord(String text, String word) {
        if (!text.endsWith(word)) {
            return false;
        }
        int before = text.length() - word.length() - 1;
        boolean latin = Character.isLetter(word.charAt(0)) && word.charAt(0) < 128;
        return !latin || before < 0 || !Character.isLetterOrDigit(text.charAt(before));
    }
}
