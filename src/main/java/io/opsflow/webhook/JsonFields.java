package io.opsflow.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads payload fields by their dotted path, so a missing one is reported by that same path. */
final class JsonFields {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonFields() {
    }

    /** The node at {@code data.essentials.alertTargetIDs[0]}-style path, or a missing node. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            node = node.path(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** The text at the path, or null when absent or null; an object or array there is a 400 naming the path. */
    static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node.isContainerNode()) {
            throw WebhookRejectedException.invalid(path, "must be a string, not " + node.getNodeType().name().toLowerCase());
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** The non-blank text at the path, or a 400 naming the path. */
    static String required(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node.isMissingNode() || node.isNull()) {
            throw WebhookRejectedException.invalid(path, "is missing");
        }
        if (!node.isValueNode()) {
            throw WebhookRejectedException.invalid(path, "must be a string, not " + node.getNodeType().name().toLowerCase());
        }
        if (node.asText().isBlank()) {
            throw WebhookRejectedException.invalid(path, "is empty");
        }
        return node.asText();
    }
}
