package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.incident.IncidentIntake;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/azure-monitor?token=…}: an action group's webhook receiver with the common
 * alert schema. Azure Monitor cannot sign its calls, so the caller proves itself with the secret
 * token in the URL.
 */
@RestController
class AzureMonitorWebhookController {

    private final WebhookProperties properties;
    private final AzureMonitorAlerts alerts;
    private final IncidentIntake intake;
    private final ObjectMapper json;

    AzureMonitorWebhookController(WebhookProperties properties, AzureMonitorAlerts alerts,
                                  IncidentIntake intake, ObjectMapper json) {
        this.properties = properties;
        this.alerts = alerts;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping("/webhooks/azure-monitor")
    ResponseEntity<WebhookResult.Answer> receive(@RequestParam(required = false) String token, HttpServletRequest request)
            throws IOException {
        String expected = properties.azureMonitor().token();
        if (!WebhookProperties.isSet(expected)) {
            throw WebhookRejectedException.notConfigured("OPSFLOW_WEBHOOK_AZURE_MONITOR_TOKEN");
        }
        if (!WebhookRequests.sameSecret(expected, token)) {
            throw WebhookRejectedException.unauthorized(token == null
                    ? "The token query parameter is missing" : "The token query parameter is wrong");
        }
        byte[] body = WebhookRequests.readJsonBody(request, properties.maxBodySize().toBytes());
        var alert = alerts.toAlert(WebhookRequests.parseObject(json, body));
        return WebhookResult.of(intake.receive(alert)).toResponse();
    }
}
