package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.incident.IncidentIntake;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/zabbix/{customerId}}: the opsflow webhook media type (Zabbix 4.4+) and the
 * forwarding alert script of Zabbix 3.0, both with {@code Authorization: Bearer <token>} of that
 * customer; the event's host groups and {@code customer} tag must not point at another customer.
 */
@RestController
class ZabbixWebhookController {

    private final WebhookProperties properties;
    private final WebhookCredentials credentials;
    private final ZabbixAlerts alerts;
    private final IncidentIntake intake;
    private final ObjectMapper json;

    ZabbixWebhookController(WebhookProperties properties, WebhookCredentials credentials, ZabbixAlerts alerts,
                            IncidentIntake intake, ObjectMapper json) {
        this.properties = properties;
        this.credentials = credentials;
        this.alerts = alerts;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping("/webhooks/zabbix/{customerId}")
    ResponseEntity<WebhookResult.Answer> receive(@PathVariable String customerId,
                                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                                 HttpServletRequest request) throws IOException {
        var customer = credentials.zabbix(customerId, authorization);
        byte[] body = WebhookRequests.readJsonBody(request, properties.maxBodySize().toBytes());
        var alert = alerts.toAlert(WebhookRequests.parseObject(json, body), customer);
        return WebhookResult.of(intake.receive(alert)).toResponse();
    }

    /** The retired MSP-wide URL, answered 410 with the new one (see AzureMonitorWebhookController#retired). */
    @PostMapping("/webhooks/zabbix")
    ResponseEntity<WebhookResult.Answer> retired() {
        throw WebhookRejectedException.gone("POST /webhooks/zabbix/{customerId} with that customer's bearer token "
                + "instead (docs/webhook-credentials.md)");
    }
}
