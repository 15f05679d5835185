package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/zabbix/{customerId}}: the opsflow webhook media type (Zabbix 5.0+) and the
 * forwarding alert script of Zabbix 3.0, both with {@code Authorization: Bearer <token>} of that
 * customer; the event's host groups and {@code customer} tag must not point at another customer.
 */
@RestController
class ZabbixWebhookController {

    private final WebhookCredentials credentials;
    private final ZabbixAlerts alerts;
    private final AlertWebhooks webhooks;

    ZabbixWebhookController(WebhookCredentials credentials, ZabbixAlerts alerts, AlertWebhooks webhooks) {
        this.credentials = credentials;
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/zabbix/{customerId}")
    ResponseEntity<WebhookAnswer> receive(@PathVariable String customerId,
                                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          HttpServletRequest request) throws IOException {
        var customer = credentials.zabbix(customerId, authorization);
        return webhooks.receive(request, customer, alerts::toAlert);
    }

    /** The retired MSP-wide URL, answered 410 with the new one (see AzureMonitorWebhookController#retired). */
    @PostMapping("/webhooks/zabbix")
    ResponseEntity<WebhookAnswer> retired() {
        throw WebhookRejectedException.gone("POST /webhooks/zabbix/{customerId} with that customer's bearer token "
                + "instead (docs/webhook-credentials.md)");
    }
}
