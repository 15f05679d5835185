package io.opsflow.servicenow;

/**
 * The lengths of ServiceNow's text fields (dictionary {@code max_length} of the base system). A
 * longer value is silently cut by ServiceNow on insert; opsflow cuts it itself, says so in the
 * field, and keeps what follows the text (e.g. the link to the whole text in opsflow).
 */
public final class FieldLimits {

    /** {@code task.description}. */
    public static final int DESCRIPTION = 4000;
    /** {@code task.short_description}. */
    public static final int SHORT_DESCRIPTION = 160;

    private FieldLimits() {
    }

    /**
     * {@code text} followed by {@code trailer}, within {@code max} characters: when it does not fit,
     * the text is cut and a note says how much of it is shown.
     */
    public static String fit(String text, String trailer, int max) {
        if (text == null && (trailer == null || trailer.isEmpty())) {
            return null;
        }
        String body = text == null ? "" : text;
        String tail = trailer == null ? "" : trailer;
        if (body.length() + tail.length() <= max) {
            return body + tail;
        }
        String note = "\n\n[…省略: 全 " + body.length() + " 文字のうち先頭のみ表示 / truncated: showing the start of "
                + body.length() + " characters]";
        int keep = Math.max(0, max - tail.length() - note.length());
        // Never cut between the two halves of a surrogate pair (emoji, rare kanji).
        if (keep > 0 && Character.isHighSurrogate(body.charAt(keep - 1))) {
            keep--;
        }
        return (body.substring(0, keep) + note + tail).substring(0, Math.min(max, keep + note.length() + tail.length()));
    }
}
