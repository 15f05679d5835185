package io.opsflow.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.ChannelOption;
import io.opsflow.customer.Customer;
import reactor.core.Exceptions;
import reactor.netty.http.client.HttpClient;

/**
 * {@link SlackNotifier} over incoming webhooks. The webhook URL is the credential, so it is read
 * from the environment per call and appears nowhere else: logs and exceptions name the variable.
 */
final class WebClientSlackNotifier implements SlackNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebClientSlackNotifier.class);
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    // Slack's error strings are short snake_case words; a proxy's HTML page is not one.
    private static final int ERROR_MAX = 100;

    private final WebClient webClient;
    private final SlackProperties properties;
    private final Function<String, String> environment;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration deadline;

    WebClientSlackNotifier(WebClient.Builder builder, SlackProperties properties, Function<String, String> environment) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.readTimeout());
        this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.properties = properties;
        this.environment = environment;
        // responseTimeout bounds the wait for the status line; this also bounds a body that stalls.
        this.deadline = properties.connectTimeout().plus(properties.readTimeout().multipliedBy(2));
    }

    @Override
    public SlackDelivery notify(Customer customer, SlackMessage message) {
        if (customer.slack() == null || customer.slack().webhookEnv() == null
                || customer.slack().webhookEnv().isBlank()) {
            log.debug("Customer {} has no Slack channel: notification not sent", customer.id());
            return SlackDelivery.NOT_CONFIGURED;
        }
        String variable = customer.slack().webhookEnv();
        Webhook webhook = new Webhook(customer.id(), variable, webhookUrl(customer.id(), variable));
        byte[] payload = toJson(message);
        SlackProperties.Retry retry = properties.retry();
        for (int attempt = 1;; attempt++) {
            Duration wait = backoff(attempt);
            String failure;
            int status = 0;
            String error = null;
            try {
                ResponseEntity<byte[]> response = send(webhook, payload);
                status = response.getStatusCode().value();
                error = error(response.getBody());
                if (status >= 200 && status < 300) {
                    if (!"ok".equals(error)) {
                        log.warn("Slack {}: HTTP {} with body '{}' instead of 'ok', taken as delivered", webhook,
                                status, error);
                    }
                    log.info("Slack message delivered to {}", webhook);
                    return SlackDelivery.DELIVERED;
                }
                failure = "HTTP " + status + (error == null ? "" : " " + error);
                if (status == 429) {
                    wait = rateLimited(webhook, response.getHeaders(), wait, error);
                } else if (status < 500) {
                    throw new SlackRejectedException("Slack " + webhook + " refused the message: " + failure, status,
                            error);
                }
            } catch (RuntimeException e) {
                Throwable unwrapped = Exceptions.unwrap(e);
                if (e instanceof SlackException || !isTransportFailure(unwrapped)) {
                    throw e;
                }
                failure = describe(unwrapped, webhook);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new SlackUnavailableException("Slack " + webhook + " failed after " + attempt
                        + " attempts, last: " + failure, status, error);
            }
            log.warn("Slack {}: {}; attempt {} of {}, retrying in {} ms", webhook, failure, attempt,
                    retry.maxAttempts(), wait.toMillis());
            sleep(wait, webhook);
        }
    }

    /** The customer and the variable, which is all a log line or an exception may say about a webhook. */
    private record Webhook(String customerId, String variable, URI url) {

        @Override
        public String toString() {
            return "webhook " + variable + " of customer " + customerId;
        }
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

    private ResponseEntity<byte[]> send(Webhook webhook, byte[] payload) {
        return webClient.post().uri(webhook.url()).contentType(JSON_UTF8).bodyValue(payload)
                .exchangeToMono(response -> response.toEntity(byte[].class))
                .timeout(deadline).block();
    }

    private byte[] toJson(SlackMessage message) {
        try {
            return json.writeValueAsBytes(BlockKit.payload(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slack answers in plain text: {@code ok} or an error string. */
    private static String error(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) + "…" : text;
    }

    private Duration backoff(int attempt) {
        SlackProperties.Retry retry = properties.retry();
        Duration wait = retry.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    private Duration rateLimited(Webhook webhook, HttpHeaders headers, Duration backoff, String error) {
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter == null || !retryAfter.trim().matches("\\d{1,9}")) {
            return backoff;
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        Duration max = properties.retry().maxRetryAfter();
        if (wait.compareTo(max) > 0) {
            throw new SlackUnavailableException("Slack " + webhook + " rate limited (429): Retry-After "
                    + wait.toSeconds() + " s is longer than the " + max.toSeconds() + " s opsflow waits in-process",
                    429, error);
        }
        return wait;
    }

    private void sleep(Duration wait, Webhook webhook) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailableException("Slack " + webhook + ": interrupted while waiting to retry", 0, null);
        }
    }

    /** The root cause's type and message, with the URL cut out should a message ever quote it. */
    private String describe(Throwable failure, Webhook webhook) {
        if (failure instanceof TimeoutException) {
            return "no complete answer within " + deadline.toMillis() + " ms";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage(), webhook);
        return root.getClass().getSimpleName() + message;
    }

    private static String redact(String text, Webhook webhook) {
        String redacted = text.replace(webhook.url().toString(), webhook.variable());
        String path = webhook.url().getRawPath();
        return path == null || path.length() < 2 ? redacted : redacted.replace(path, "/<" + webhook.variable() + ">");
    }

    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebClientRequestException || t instanceof TimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
