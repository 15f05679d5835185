package io.opsflow.customerintake.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of JSON Schema 2020-12 the template's schemas use, checked by hand: no JSON Schema library is
 * on the test classpath. A keyword outside that part fails loudly instead of being ignored, so a schema
 * cannot grow a rule this check would silently skip.
 */
final class JsonSchemaSubset {

    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "$ref", "title", "description", "type",
            "const", "required", "properties", "additionalProperties", "maxProperties", "pattern", "minLength", "maxLength");

    private final JsonNode root;

    private JsonSchemaSubset(JsonNode root) {
        this.root = root;
    }

    /** The violations of {@code schema} in {@code document}, each as "{JSON pointer}: {what}"; empty when valid. */
    static List<String> violations(JsonNode schema, JsonNode document) {
        List<String> violations = new ArrayList<>();
        new JsonSchemaSubset(schema).check(schema, document, "", violations);
        return violations;
    }

    private void check(JsonNode schema, JsonNode node, String path, List<String> violations) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                violations.add(path + ": not allowed");
            }
            return;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext();) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("keyword '" + keyword + "' at " + path + " is not checked by this test");
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), node, path, violations);
        }
        if (schema.has("const") && !schema.get("const").equals(node)) {
            violations.add(path + ": must be " + schema.get("const"));
        }
        if (schema.has("type") && !hasType(node, schema.get("type").asText())) {
            violations.add(path + ": must be of type " + schema.get("type").asText());
            return;
        }
        if (node.isTextual()) {
            checkString(schema, node.textValue(), path, violations);
        }
        if (node.isObject()) {
            checkObject(schema, node, path, violations);
        }
    }

    private static void checkString(JsonNode schema, String value, String path, List<String> violations) {
        int length = value.codePointCount(0, value.length());
        if (schema.has("minLength") && length < schema.get("minLength").intValue()) {
            violations.add(path + ": shorter than " + schema.get("minLength").intValue());
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").intValue()) {
            violations.add(path + ": longer than " + schema.get("maxLength").intValue());
        }
        // JSON Schema patterns are not anchored: find(), not matches().
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            violations.add(path + ": does not match " + schema.get("pattern").asText());
        }
    }

    private void checkObject(JsonNode schema, JsonNode node, String path, List<String> violations) {
        for (JsonNode required : schema.path("required")) {
            if (!node.has(required.asText())) {
                violations.add(path + ": missing " + required.asText());
            }
        }
        if (schema.has("maxProperties") && node.size() > schema.get("maxProperties").intValue()) {
            violations.add(path + ": more than " + schema.get("maxProperties").intValue() + " properties");
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, violations);
            } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), field.getValue(), fieldPath, violations);
            }
        }
    }

    private JsonNode resolve(String reference) {
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("only local references are checked: " + reference);
        }
        JsonNode target = root.at(reference.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + reference);
        }
        return target;
    }

    private static boolean hasType(JsonNode node, String type) {
        return switch (type) {
            case "object" -> node.isObject();
            case "string" -> node.isTextual();
            case "boolean" -> node.isBoolean();
            default -> throw new IllegalArgumentException("type '" + type + "' is not checked by this test");
        };
    }
}
