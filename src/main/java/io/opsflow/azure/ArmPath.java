package io.opsflow.azure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds ARM resource paths from names, each encoded as one path segment. */
final class ArmPath {

    private ArmPath() {
    }

    /** {@code of("subscriptions", id, "resourceGroups", rg)} → {@code /subscriptions/id/resourceGroups/rg}. */
    static String of(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (segment == null || segment.isBlank()) {
                throw new IllegalArgumentException("Empty segment in ARM path " + path + "/?");
            }
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
