package io.opsflow.servicenow.script;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code GlideStringUtil.base64Encode(String)}: base64 of the string's UTF-8 bytes. */
public final class GlideStringUtil {

    public String base64Encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
