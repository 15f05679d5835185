package io.opsflow.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every problem of one input (a customer entry, a catalog item file) instead of stopping at
 * the first, so one start-up or one API answer names everything that is wrong.
 */
public final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(field, "is required");
            return false;
        }
        return true;
    }

    public void matches(String field, String value, Pattern pattern, String message) {
        if (!pattern.matcher(value).matches()) {
            problem(field, message + ", got '" + value + "'");
        }
    }

    public void eachMatches(String field, List<String> values, Pattern pattern, String message) {
        for (int i = 0; i < values.size(); i++) {
            if (required(field + "[" + i + "]", values.get(i))) {
                matches(field + "[" + i + "]", values.get(i), pattern, message);
            }
        }
    }

    public void unique(String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !seen.add(value.toLowerCase(Locale.ROOT))) {
                problem(field + "[" + i + "]", "'" + value + "' is listed twice");
            }
        }
    }

    /** A set duration must be positive; whether it must be set is the caller's {@link #required}. */
    public boolean positive(String field, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problem(field, "must be a positive ISO-8601 duration such as PT30M");
            return false;
        }
        return true;
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Whether a problem was found in a field of this object ({@code parameters.size} for {@code parameters}). */
    public boolean anyUnder(String path) {
        return problems.stream().anyMatch(p -> p.field().startsWith(path + "."));
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }
}
