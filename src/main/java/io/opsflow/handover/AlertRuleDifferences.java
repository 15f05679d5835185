package io.opsflow.handover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between the body opsflow would PUT and the resource Azure holds, one readable line
 * per value ({@code threshold: 80 → 90}). Only what opsflow sends is compared: read-only fields
 * ({@code lastUpdatedTime}, {@code createdWithApiVersion}, {@code systemData}) and arrays Azure
 * echoes empty are not differences. Resource ids and locations compare case-insensitively, as ARM
 * writes them back in another case; numbers compare by value ({@code 90} = {@code 90.0}). A
 * webhook token is masked on both sides, so no line ever carries it.
 */
final class AlertRuleDifferences {

    private static final Pattern TOKEN = Pattern.compile("([?&]token=)[^&\"\\s]*", Pattern.CASE_INSENSITIVE);
    /** opsflow's rules have one criterion: its fields are shown without the path to it. */
    private static final String ONLY_CRITERION = "criteria.allOf[0].";
    private static final String NONE = "(none)";

    private AlertRuleDifferences() {
    }

    static List<String> between(JsonNode desired, JsonNode current) {
        List<String> lines = new ArrayList<>();
        compare("", desired, current, lines);
        return lines;
    }

    /** The text with any {@code token=} query value replaced by {@code ***}. */
    static String masked(String text) {
        return TOKEN.matcher(text).replaceAll("$1***");
    }

    private static void compare(String path, JsonNode want, JsonNode have, List<String> lines) {
        if (want.isObject()) {
            if (have.isMissingNode() || have.isNull()) {
                if (!want.isEmpty()) {
                    lines.add(line(path, have, want));
                }
                return;
            }
            if (!have.isObject()) {
                lines.add(line(path, have, want));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = want.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(join(path, field.getKey()), field.getValue(), field(have, field.getKey()), lines);
            }
        } else if (want.isArray()) {
            boolean haveNothing = have.isMissingNode() || have.isNull();
            if (haveNothing && want.isEmpty()) {
                return;
            }
            if (!have.isArray() || have.size() != want.size() || !want.isEmpty() && !want.get(0).isContainerNode()) {
                if (!sameScalars(path, want, have)) {
                    lines.add(line(path, have, want));
                }
                return;
            }
            for (int i = 0; i < want.size(); i++) {
                compare(path + "[" + i + "]", want.get(i), have.get(i), lines);
            }
        } else if (!same(path, want, have)) {
            lines.add(line(path, have, want));
        }
    }

    /** A property by its name, or by the name in another case (older api-versions spell some differently). */
    private static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean sameScalars(String path, JsonNode want, JsonNode have) {
        if (!have.isArray() || have.size() != want.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!same(path, want.get(i), have.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String path, JsonNode want, JsonNode have) {
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0;
        }
        if (want.isNumber() && have.isTextual()) {
            try {
                return want.decimalValue().compareTo(new BigDecimal(have.asText())) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        if (want.isTextual() && have.isTextual()) {
            return caseInsensitive(path, want.asText()) ? want.asText().equalsIgnoreCase(have.asText())
                    : want.asText().equals(have.asText());
        }
        return want.equals(have);
    }

    private static boolean caseInsensitive(String path, String value) {
        return value.startsWith("/subscriptions/") || path.toLowerCase(Locale.ROOT).endsWith("location");
    }

    private static String line(String path, JsonNode have, JsonNode want) {
        return masked(shown(path) + ": " + text(have) + " → " + text(want));
    }

    private static String shown(String path) {
        String shown = path.startsWith("properties.") ? path.substring("properties.".length()) : path;
        return shown.startsWith(ONLY_CRITERION) ? shown.substring(ONLY_CRITERION.length()) : shown;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
