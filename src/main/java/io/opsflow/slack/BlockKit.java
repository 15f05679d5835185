package io.opsflow.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SlackMessage} as an incoming-webhook payload: {@code text} plus Block Kit
 * {@code blocks} (header, fields, body, context, button). Anything longer than Slack's limits is
 * cut, never rejected, because a cut alert is worth more than an {@code invalid_payload}; cuts fall
 * between characters, never inside a surrogate pair or an {@code &amp;}-style escape.
 */
final class BlockKit {

    static final int HEADER_MAX = 150;
    static final int SECTION_TEXT_MAX = 3000;
    static final int FIELD_MAX = 2000;
    /** Slack truncates {@code text} far later (40,000); beyond 4,000 it advises against it. */
    static final int TEXT_MAX = 4000;
    /** Not fixed by the contract; a text object's 3,000 would be allowed, a context line stays short. */
    static final int CONTEXT_MAX = 2000;
    static final int BUTTON_TEXT_MAX = 75;

    private static final String ELLIPSIS = "…";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BlockKit() {
    }

    static ObjectNode payload(SlackMessage message) {
        ObjectNode payload = JSON.objectNode();
        payload.put("text", mrkdwn(message.text(), TEXT_MAX));
        ArrayNode blocks = JSON.arrayNode();
        if (present(message.header())) {
            ObjectNode header = blocks.addObject().put("type", "header");
            header.set("text", plainText(message.header(), HEADER_MAX).put("emoji", true));
        }
        if (!message.fields().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            message.fields().forEach(field -> fields.add(mrkdwnObject(field(field))));
        }
        if (present(message.body())) {
            blocks.addObject().put("type", "section").set("text", mrkdwnObject(mrkdwn(message.body(), SECTION_TEXT_MAX)));
        }
        if (present(message.context())) {
            blocks.addObject().put("type", "context").putArray("elements")
                    .add(mrkdwnObject(mrkdwn(message.context(), CONTEXT_MAX)));
        }
        if (message.link() != null) {
            SlackMessage.Link link = message.link();
            ObjectNode button = JSON.objectNode().put("type", "button");
            button.set("text", plainText(link.label(), BUTTON_TEXT_MAX));
            button.put("url", link.url()).put("action_id", link.actionId());
            blocks.addObject().put("type", "actions").putArray("elements").add(button);
        }
        if (!blocks.isEmpty()) {
            payload.set("blocks", blocks);
        }
        return payload;
    }

    /** {@code *label:*\nvalue}, the value a link when the field has a URL and the URL fits. */
    private static String field(SlackMessage.Field field) {
        String label = "*" + mrkdwn(field.label(), 200) + ":*\n";
        int room = FIELD_MAX - label.length();
        if (field.url() != null) {
            String url = linkTarget(field.url());
            int linkRoom = room - url.length() - 3;
            if (linkRoom > ELLIPSIS.length()) {
                return label + "<" + url + "|" + mrkdwn(field.value(), linkRoom) + ">";
            }
        }
        return label + mrkdwn(field.value(), room);
    }

    /** Inside {@code <url|label>} these three would end or split the link. */
    private static String linkTarget(String url) {
        return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20");
    }

    private static ObjectNode plainText(String text, int max) {
        return JSON.objectNode().put("type", "plain_text").put("text", fit(text, max, false));
    }

    private static ObjectNode mrkdwnObject(String escaped) {
        return JSON.objectNode().put("type", "mrkdwn").put("text", escaped);
    }

    static String mrkdwn(String text, int max) {
        return fit(text, max, true);
    }

    /**
     * {@code text}, escaped for mrkdwn if asked, in at most {@code max} UTF-16 units (Slack counts
     * characters; UTF-16 units are never fewer, so this stays inside the limit either way). When it
     * has to be cut, whole code points are kept and {@code …} is appended.
     */
    static String fit(String text, int max, boolean escape) {
        String whole = escape ? escape(text) : text;
        if (whole.length() <= max) {
            return whole;
        }
        StringBuilder kept = new StringBuilder(max);
        int budget = max - ELLIPSIS.length();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String piece = escape ? escape(Character.toString(codePoint)) : Character.toString(codePoint);
            if (kept.length() + piece.length() > budget) {
                break;
            }
            kept.append(piece);
            i += Character.charCount(codePoint);
        }
        return kept.append(ELLIPSIS).toString();
    }

    /** The three characters Slack requires as entities in mrkdwn; everything else, Japanese included, as is. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
