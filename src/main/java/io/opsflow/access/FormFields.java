package io.opsflow.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Camunda Form lets a user submit, read from the form's own schema: its keyed fields, their
 * types, allowed values and validation rules. Tasklist validates these only in the browser; opsflow
 * checks every submission against them on the server. Read-only and disabled fields are shown,
 * never written: Tasklist sends read-only ones back unchanged, so only a changed value is refused.
 */
record FormFields(Map<String, Field> fields) {

    /** Variables a start without a start form may carry: only the customer it is for. */
    static final FormFields NO_FORM = new FormFields(Map.of());

    enum Kind { TEXT, NUMBER, BOOLEAN }

    record Field(String key, Kind kind, boolean displayOnly, boolean required, List<String> options,
                 Long minLength, Long maxLength, Double min, Double max, Pattern pattern) {
    }

    static FormFields of(JsonNode schema) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(schema.path("components"), fields);
        return new FormFields(Map.copyOf(fields));
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            Kind kind = kind(component.path("type").asText());
            if (key != null && kind != null) {
                fields.put(key, field(key, kind, component));
            }
            collect(component.path("components"), fields);
        }
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "textfield", "textarea", "select", "radio", "datetime" -> Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            default -> null;
        };
    }

    private static Field field(String key, Kind kind, JsonNode component) {
        JsonNode validate = component.path("validate");
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        boolean displayOnly = flag(component.path("readonly")) || flag(component.path("disabled"));
        // A field that a condition may hide is not sent then, so it cannot be required on the server.
        boolean required = validate.path("required").asBoolean(false) && component.path("conditional").isMissingNode();
        return new Field(key, kind, displayOnly, required, List.copyOf(options),
                longOrNull(validate.path("minLength")), longOrNull(validate.path("maxLength")),
                doubleOrNull(validate.path("min")), doubleOrNull(validate.path("max")), pattern(validate.path("pattern")));
    }

    /** {@code true}, or an expression ({@code "=..."}) that may make it so: treated as read-only. */
    private static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : node.isTextual() && !node.asText().isBlank();
    }

    private static Long longOrNull(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Pattern pattern(JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    boolean isDisplayOnly(String key) {
        Field field = fields.get(key);
        return field != null && field.displayOnly();
    }

    /**
     * The problems of a submission, one line per variable, empty when it may be applied.
     *
     * @param submitted variable name → plain Java value (typed values already unwrapped)
     * @param current   variable name → the value the process holds now (for read-only fields)
     */
    List<String> problems(Map<String, Object> submitted, Map<String, Object> current) {
        List<String> problems = new ArrayList<>();
        submitted.forEach((name, value) -> {
            Field field = fields.get(name);
            if (field == null) {
                problems.add(name + ": not a field of this form");
            } else if (field.displayOnly()) {
                if (!same(value, current.get(name))) {
                    problems.add(name + ": is read-only");
                }
            } else {
                problem(field, value).ifPresent(problem -> problems.add(name + ": " + problem));
            }
        });
        fields.values().stream()
                .filter(field -> field.required() && !field.displayOnly() && blank(submitted.get(field.key())))
                .forEach(field -> problems.add(field.key() + ": is required"));
        return problems;
    }

    private static java.util.Optional<String> problem(Field field, Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String problem = switch (field.kind()) {
            case TEXT -> value instanceof String text ? textProblem(field, text) : "must be text, not " + typeName(value);
            case NUMBER -> value instanceof Number number ? numberProblem(field, number.doubleValue()) : "must be a number, not " + typeName(value);
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false, not " + typeName(value);
        };
        return java.util.Optional.ofNullable(problem);
    }

    private static String textProblem(Field field, String text) {
        if (!field.options().isEmpty() && !text.isEmpty() && !field.options().contains(text)) {
            return "'" + abbreviate(text) + "' is not one of " + field.options();
        }
        if (field.minLength() != null && !text.isEmpty() && text.length() < field.minLength()) {
            return "is shorter than " + field.minLength() + " characters";
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return "is longer than " + field.maxLength() + " characters";
        }
        if (field.pattern() != null && !text.isEmpty() && !field.pattern().matcher(text).matches()) {
            return "does not match " + field.pattern().pattern();
        }
        return null;
    }

    private static String numberProblem(Field field, double number) {
        if (field.min() != null && number < field.min()) {
            return "is below " + field.min();
        }
        if (field.max() != null && number > field.max()) {
            return "is above " + field.max();
        }
        return null;
    }

    /** Tasklist sends an empty read-only text field as "" and numbers in their JSON type. */
    private static boolean same(Object submitted, Object current) {
        if (blank(submitted) && blank(current)) {
            return true;
        }
        if (submitted instanceof Number a && current instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(submitted, current) || (submitted != null && current != null
                && !(current instanceof Map<?, ?>) && submitted.toString().equals(current.toString()));
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isEmpty();
    }

    private static String typeName(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? "an object" : value.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
