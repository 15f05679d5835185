package io.opsflow.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where calls go, as far as rate limits and dead ends are concerned: a ServiceNow instance, one
 * Slack webhook. Its state (held after a 429, gone) is shared by every call to it, on every node
 * whose {@link DestinationStore} is the shared database.
 *
 * @param system    the outside system, first word of every log line and message ({@code ServiceNow})
 * @param owner     the customer (tenant) whose destination it is, null for one every customer shares:
 *                  who is asked to repair it when it is gone
 * @param name      what logs, exceptions and operator tasks may say about it: never a URL that is a credential
 * @param key       identity of the destination's state
 * @param secretUrl the URL is a credential: transport error texts are redacted before they are used
 */
public record Destination(String system, String owner, String name, String key, boolean secretUrl) {

    /** A destination whose URL may appear in logs, e.g. a ServiceNow instance. */
    public static Destination of(String system, String baseUrl) {
        return new Destination(system, null, baseUrl, system + " " + baseUrl, false);
    }

    /**
     * A customer's destination whose URL is the credential (a Slack incoming webhook): it is known by
     * {@code name} (the environment variable), and by a hash of the URL, so a new URL in the variable
     * is a new destination.
     */
    public static Destination secret(String system, String owner, String name, URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return new Destination(system, owner, name, system + " " + HexFormat.of().formatHex(digest), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return system + " " + name + (owner == null ? "" : " of customer " + owner);
    }
}
