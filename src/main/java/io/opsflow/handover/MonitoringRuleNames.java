package io.opsflow.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * ARM names of the rules opsflow creates for a customer's monitoring items:
 * {@code <customer>-<slug>-<hash>}. The slug keeps the Latin letters and digits of the item's name
 * (NFKC, lower case, other runs become {@code -}, at most 40 characters) so that a name is
 * recognisable in the portal; the first 8 hex digits of the name's SHA-256 keep two items apart whose
 * slugs are the same, above all Japanese names that have no Latin letters at all (their slug is
 * the kind: {@code demo-log-3f2a9c1b}). The same item always gets the same name, which is what lets
 * a second apply find the rule the first one made.
 */
final class MonitoringRuleNames {

    private static final int SLUG_LENGTH = 40;

    private MonitoringRuleNames() {
    }

    static String of(String customerId, MonitoringItem item) {
        String slug = Normalizer.normalize(item.name(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = item.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return customerId + "-" + slug + "-" + hash(item.name());
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
