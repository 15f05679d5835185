package io.opsflow.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/** What every webhook does with its request before looking at the payload. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /**
     * The raw body, after refusing a declared or actual size over {@code max} (at most
     * {@code max + 1} bytes are ever buffered) and a Content-Type other than JSON.
     */
    static byte[] readJsonBody(HttpServletRequest request, long max) throws IOException {
        if (request.getContentLengthLong() > max) {
            throw WebhookRejectedException.tooLarge(max);
        }
        requireJson(request.getContentType());
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            throw WebhookRejectedException.tooLarge(max);
        }
        return body;
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw WebhookRejectedException.notJson(null);
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) && !type.getSubtype().endsWith("+json")) {
                throw WebhookRejectedException.notJson(contentType);
            }
        } catch (InvalidMediaTypeException e) {
            throw WebhookRejectedException.notJson(contentType);
        }
    }

    /** A JSON object from the raw bytes (UTF-8, as RFC 8259 requires between systems). */
    static JsonNode parseObject(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.malformed(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw WebhookRejectedException.malformed(e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw WebhookRejectedException.malformed("The body is empty");
        }
        if (!root.isObject()) {
            throw WebhookRejectedException.malformed("The body must be a JSON object, not " + root.getNodeType().name().toLowerCase());
        }
        return root;
    }

    /**
     * Compares two secrets in time independent of where they differ and of their lengths (both are
     * hashed first), so response timing tells a caller nothing about the expected value.
     */
    static boolean sameSecret(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected.getBytes(StandardCharsets.UTF_8)), sha256(given.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
