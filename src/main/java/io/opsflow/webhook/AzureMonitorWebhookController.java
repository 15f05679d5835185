package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/azure-monitor/{customerId}}: the webhook receiver of one customer's action
 * groups, common alert schema. Azure Monitor cannot sign its bodies: the caller proves itself as
 * that customer with a Secure Webhook bearer token (Entra ID, recommended) or the customer's
 * {@code token} query parameter, and the alert must be about that customer's subscriptions.
 */
@RestController
class AzureMonitorWebhookController {

    private final WebhookCredentials credentials;
    private final AzureMonitorAlerts alerts;
    private final AlertWebhooks webhooks;

    AzureMonitorWebhookController(WebhookCredentials credentials, AzureMonitorAlerts alerts, AlertWebhooks webhooks) {
        this.credentials = credentials;
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/azure-monitor/{customerId}")
    ResponseEntity<WebhookAnswer> receive(@PathVariable String customerId, @RequestParam(required = false) String token,
                                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          HttpServletRequest request) throws IOException {
        var customer = credentials.azureMonitor(customerId, token, authorization);
        return webhooks.receive(request, customer, alerts::toAlert);
    }

    /**
     * The retired MSP-wide URL: its one token sat in every customer's action groups. Answered 410
     * with the new URL instead of 404, so whoever finds it in an action group's history knows why.
     */
    @PostMapping("/webhooks/azure-monitor")
    ResponseEntity<WebhookAnswer> retired() {
        throw WebhookRejectedException.gone("POST /webhooks/azure-monitor/{customerId} with that customer's credential "
                + "instead (docs/webhook-credentials.md)");
    }
}
