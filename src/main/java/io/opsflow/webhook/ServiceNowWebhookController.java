package io.opsflow.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/servicenow}: deliveries of the business rule in docs/servicenow-webhook.md,
 * signed {@code X-Opsflow-Signature: sha256=<base64 HMAC-SHA256(secret, raw body)>}, with
 * {@code X-Opsflow-Delivery} = {@code event.id}.
 */
@RestController
class ServiceNowWebhookController {

    static final String SIGNATURE = "X-Opsflow-Signature";
    static final String DELIVERY = "X-Opsflow-Delivery";
    private static final String SCHEME = "sha256=";

    private final WebhookProperties properties;
    private final ServiceNowWebhookRouter router;
    private final ObjectMapper json;

    ServiceNowWebhookController(WebhookProperties properties, ServiceNowWebhookRouter router, ObjectMapper json) {
        this.properties = properties;
        this.router = router;
        this.json = json;
    }

    @PostMapping("/webhooks/servicenow")
    ResponseEntity<WebhookAnswer> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
                                          @RequestHeader(name = DELIVERY, required = false) String delivery,
                                          HttpServletRequest request) throws IOException {
        String secret = properties.servicenow().secret();
        if (!WebhookProperties.isSet(secret)) {
            throw WebhookRejectedException.notConfigured("OPSFLOW_WEBHOOK_SERVICENOW_SECRET");
        }
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.unauthorized(SIGNATURE + " is missing");
        }
        byte[] body = WebhookRequests.readJsonBody(request, properties.maxBodySize().toBytes());
        if (!signedBy(secret, body, signature.trim())) {
            throw WebhookRejectedException.unauthorized(SIGNATURE + " does not match the body");
        }
        ServiceNowWebhook webhook = ServiceNowWebhook.of(WebhookRequests.parseObject(json, body));
        if (delivery == null || delivery.isBlank()) {
            throw WebhookRejectedException.invalid(DELIVERY, "is missing (it must be event.id)");
        }
        if (!delivery.trim().equals(webhook.deliveryId())) {
            throw WebhookRejectedException.invalid(DELIVERY, "'" + delivery + "' differs from event.id '" + webhook.deliveryId() + "'");
        }
        return WebhookAnswer.of(router.route(webhook));
    }

    /** Verifies the HMAC in constant time; a signature that is not {@code sha256=<base64>} simply fails. */
    static boolean signedBy(String secret, byte[] body, String signature) {
        if (!signature.startsWith(SCHEME)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.substring(SCHEME.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
