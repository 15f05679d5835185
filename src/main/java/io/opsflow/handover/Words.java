package io.opsflow.handover;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a person's spreadsheet text is compared: NFKC first, because Japanese Excel users type
 * full-width letters, digits and signs ({@code ＞９０％}) as often as half-width ones.
 */
final class Words {

    private Words() {
    }

    /** NFKC, trimmed, inner whitespace collapsed to one space. */
    static String clean(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /** {@link #clean}, lower case and without any whitespace: the form headers and codes are looked up in. */
    static String key(String text) {
        return clean(text).toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
