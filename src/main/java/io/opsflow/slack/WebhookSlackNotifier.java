package io.opsflow.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;

/**
 * {@link SlackNotifier} over incoming webhooks, on the outbound foundation. The webhook URL is the
 * credential, so it is read from the environment per call and appears nowhere else: logs and
 * exceptions name the customer and the variable. Each webhook is its own destination: a 429 holds
 * every message to it, a deleted webhook ({@link SlackErrors}) gets no further request.
 */
final class WebhookSlackNotifier implements SlackNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookSlackNotifier.class);
    private static final String SYSTEM = "Slack";
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private final OutboundClient outbound;
    private final Function<String, String> environment;
    private final ObjectMapper json = new ObjectMapper();

    WebhookSlackNotifier(OutboundClient outbound, Function<String, String> environment) {
        this.outbound = outbound;
        this.environment = environment;
    }

    @Override
    public SlackDelivery notify(Customer customer, SlackMessage message) {
        if (customer.slack() == null || customer.slack().webhookEnv() == null
                || customer.slack().webhookEnv().isBlank()) {
            log.debug("Customer {} has no Slack channel: notification not sent", customer.id());
            return SlackDelivery.NOT_CONFIGURED;
        }
        String variable = customer.slack().webhookEnv();
        URI url = webhookUrl(customer.id(), variable);
        Destination destination = Destination.secret(SYSTEM, customer.id(), "webhook " + variable, url);
        String webhook = destination.name() + " of customer " + customer.id();
        OutboundRequest post = new OutboundRequest(HttpMethod.POST, url, webhook, null, JSON_UTF8, toJson(message));
        outbound.exchange(destination, post, new SlackErrors(destination), response -> response);
        log.info("Slack message delivered to {}", webhook);
        return SlackDelivery.DELIVERED;
    }

    private URI webhookUrl(String customerId, String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new SlackWebhookNotSetException("Slack webhook of customer " + customerId
                    + ": environment variable " + variable + " is not set", variable);
        }
        try {
            URI url = new URI(value.trim());
            if (url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Its message quotes the value: fall through to an error that does not.
        }
        throw new SlackWebhookNotSetException("Slack webhook of customer " + customerId + ": environment variable "
                + variable + " does not hold an http(s) URL", variable);
    }

    private byte[] toJson(SlackMessage message) {
        try {
            return json.writeValueAsBytes(BlockKit.payload(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
