package io.opsflow.webhook;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import io.opsflow.customer.Customer;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;

/**
 * What the monitoring webhooks (Azure Monitor, Zabbix) share once the caller proved its customer:
 * the body read within its size, the payload mapped to an {@link Alert}, incident coordination's
 * answer.
 */
@Component
class AlertWebhooks {

    /** A monitoring system's payload to an alert of the customer whose credential sent it. */
    interface Payload {
        Alert toAlert(JsonNode root, Customer customer);
    }

    private final WebhookProperties properties;
    private final IncidentIntake intake;
    private final ObjectMapper json;

    AlertWebhooks(WebhookProperties properties, IncidentIntake intake, ObjectMapper json) {
        this.properties = properties;
        this.intake = intake;
        this.json = json;
    }

    ResponseEntity<WebhookAnswer> receive(HttpServletRequest request, Customer customer, Payload payload) throws IOException {
        byte[] body = WebhookRequests.readJsonBody(request, properties.maxBodySize().toBytes());
        Alert alert = payload.toAlert(WebhookRequests.parseObject(json, body), customer);
        return WebhookAnswer.of(intake.receive(alert));
    }
}
