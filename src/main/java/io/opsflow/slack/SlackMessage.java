package io.opsflow.slack;

import java.util.List;
import java.util.Objects;

/**
 * A notification in business terms; {@link BlockKit} turns it into Slack's layout. Only {@code text}
 * is required: it is the plain fallback Slack shows in push notifications and where blocks cannot
 * be rendered. Everything is plain text: opsflow escapes it, so a {@code <} in an alert name can
 * neither break the message nor become a link.
 *
 * @param text    fallback for notifications, always sent
 * @param header  title line, or null
 * @param fields  label/value pairs shown in two columns, at most {@value #MAX_FIELDS}
 * @param body    paragraph under the fields, or null; {@code *bold*} and {@code _italic_} are kept
 * @param context small grey line at the bottom, or null
 * @param link    button opening a page (the ServiceNow record), or null
 */
public record SlackMessage(String text, String header, List<Field> fields, String body, String context, Link link) {

    /** Slack's limit on fields per section; more would need several sections nobody reads. */
    public static final int MAX_FIELDS = 10;

    public SlackMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A Slack message needs a fallback text");
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("At most " + MAX_FIELDS + " fields, got " + fields.size());
        }
    }

    /**
     * One label/value pair. With a {@code url} the value is shown as a link to it (the incident
     * number pointing at the ServiceNow record).
     */
    public record Field(String label, String value, String url) {

        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }

        public Field(String label, String value) {
            this(label, value, null);
        }
    }

    /** A button that opens {@code url}. {@code actionId} must be unique within the message. */
    public record Link(String label, String url, String actionId) {

        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
            if (url.length() > 3000) {
                throw new IllegalArgumentException("Slack button URLs are limited to 3000 characters");
            }
            actionId = actionId == null ? "open_link" : actionId;
        }

        public Link(String label, String url) {
            this(label, url, null);
        }
    }
}
