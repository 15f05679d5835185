package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.incident.IncidentIntake;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/zabbix}: the opsflow webhook media type (Zabbix 4.4+) and the forwarding
 * alert script of Zabbix 3.0, both with {@code Authorization: Bearer <token>}.
 */
@RestController
class ZabbixWebhookController {

    private static final String BEARER = "Bearer ";

    private final WebhookProperties properties;
    private final ZabbixAlerts alerts;
    private final IncidentIntake intake;
    private final ObjectMapper json;

    ZabbixWebhookController(WebhookProperties properties, ZabbixAlerts alerts, IncidentIntake intake,
                            ObjectMapper json) {
        this.properties = properties;
        this.alerts = alerts;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping("/webhooks/zabbix")
    ResponseEntity<WebhookResult.Answer> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                                 HttpServletRequest request) throws IOException {
        String expected = properties.zabbix().token();
        if (!WebhookProperties.isSet(expected)) {
            throw WebhookRejectedException.notConfigured("OPSFLOW_WEBHOOK_ZABBIX_TOKEN");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw WebhookRejectedException.unauthorized("Authorization: Bearer <token> is missing");
        }
        if (!WebhookRequests.sameSecret(expected, authorization.substring(BEARER.length()).trim())) {
            throw WebhookRejectedException.unauthorized("The bearer token is wrong");
        }
        byte[] body = WebhookRequests.readJsonBody(request, properties.maxBodySize().toBytes());
        var alert = alerts.toAlert(WebhookRequests.parseObject(json, body));
        return WebhookResult.of(intake.receive(alert)).toResponse();
    }
}
