package io.opsflow.handover;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.customerintake.IntakeProperties;
import io.opsflow.messages.Messages;
import io.opsflow.outbound.Destination;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.webhook.WebhookProperties;

/**
 * The pre-operation test (運用前テスト) of a customer's monitoring items: per item, a synthetic alert
 * sent the way its monitoring system sends it, to opsflow's public webhook URL with the customer's
 * own credential, so it takes the whole real path (credential check, mapping, incident coordination,
 * ServiceNow); then the incident looked up in ServiceNow by the alert id the process uses as its
 * correlation id. Before go-live every alert of the customer is a test, and the synthetic ones are
 * marked as tests in any case ({@code opsflow-test}), so nobody is paged.
 */
@Component
public class PreOperationTest {

    /**
     * One item's test as sent.
     *
     * @param alertId  the id opsflow opens the incident under; null when not sent
     * @param firedAt  when it was sent; null when not sent
     * @param notFired why it could not be sent (in the customer's language), null when it was
     */
    public record FiredTest(String item, String alertId, Instant firedAt, String notFired) {
    }

    /**
     * The ServiceNow incident a test raised; {@code openedAt} as ServiceNow recorded it, or, where the
     * instance records none (the sandbox), when opsflow found it: keep the first one found.
     */
    public record TestIncident(String number, String sysId, Instant openedAt) {
    }

    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    /** The Table API's {@code opened_at} without display values: UTC. */
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OutboundClient outbound;
    private final Supplier<String> opsflowUrl;
    private final ZoneId zabbixZone;
    private final ServiceNowClient servicenow;
    private final Messages messages;
    private final Function<String, String> environment;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The URL the intake writes into the customer's action group, so the test reaches opsflow the way
     * Azure Monitor and Zabbix do; where none is configured, this server itself (read when sending, once
     * the server has its port: a sandbox or a test on a random port). Tokens from Spring's
     * {@link Environment}, as the webhook reads them.
     */
    @Autowired
    PreOperationTest(WebClient.Builder webClientBuilder, HandoverProperties properties, IntakeProperties intake,
                     WebhookProperties webhooks, ServiceNowClient servicenow, Messages messages, Environment environment) {
        this(new OutboundClient(webClientBuilder, properties), () -> environment.containsProperty("opsflow.customer-intake.opsflow-url")
                        || !environment.containsProperty("local.server.port") ? intake.opsflowUrl()
                        : "http://localhost:" + environment.getProperty("local.server.port"),
                webhooks.zabbix().timeZone(), servicenow, messages, environment::getProperty, Clock.systemUTC());
    }

    PreOperationTest(OutboundClient outbound, String opsflowUrl, ZoneId zabbixZone, ServiceNowClient servicenow, Messages messages,
                     Function<String, String> environment, Clock clock) {
        this(outbound, () -> opsflowUrl, zabbixZone, servicenow, messages, environment, clock);
    }

    private PreOperationTest(OutboundClient outbound, Supplier<String> opsflowUrl, ZoneId zabbixZone, ServiceNowClient servicenow,
                             Messages messages, Function<String, String> environment, Clock clock) {
        this.outbound = outbound;
        this.opsflowUrl = () -> {
            String url = opsflowUrl.get();
            return url.endsWith("/") ? url : url + "/";
        };
        this.zabbixZone = zabbixZone;
        this.servicenow = servicenow;
        this.messages = messages;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * Sends the item's synthetic alert. Sending the same item of the same run again is harmless: the
     * alert id is the same, and opsflow answers it as a duplicate.
     *
     * @return what was sent, or why it could not be (a customer whose Azure webhook takes Secure Webhook calls only)
     * @throws PreOperationRejectedException    opsflow refused it (4xx) or the token's variable is unset: permanent
     * @throws PreOperationUnavailableException opsflow did not answer, or answered 5xx (503 while a token is unset): retryable
     */
    public FiredTest fire(Customer c, MonitoringItem item, String runId) {
        Instant firedAt = clock.instant();
        String what = "Pre-operation test " + runId + " of item '" + item.name() + "' of customer '" + c.id() + "'";
        if (item.kind() == MonitoringKind.ZABBIX) {
            String variable = c.zabbix() == null ? null : c.zabbix().tokenEnv();
            if (variable == null) {
                return notFired(c, item, "preop.notFired.noZabbixToken");
            }
            PreOperationPayloads.Payload payload = PreOperationPayloads.zabbix(c, item, runId, firedAt, zabbixZone);
            String token = token(variable, what);
            URI uri = UriComponentsBuilder.fromUriString(opsflowUrl.get()).path("webhooks/zabbix/{customer}").encode()
                    .buildAndExpand(c.id()).toUri();
            send(c, "Zabbix", uri, headers -> headers.setBearerAuth(token), payload, what);
            return new FiredTest(item.name(), payload.alertId(), firedAt, null);
        }
        Customer.MonitorWebhook webhook = c.azure() == null ? null : c.azure().monitorWebhook();
        if (webhook == null) {
            return notFired(c, item, "preop.notFired.noAzureWebhook");
        }
        if (webhook.tokenEnv() == null) {
            // opsflow cannot obtain an Entra ID token as Azure Monitor's action group service.
            return notFired(c, item, "preop.notFired.secureWebhookOnly");
        }
        PreOperationPayloads.Payload payload = PreOperationPayloads.azure(c, item, runId, firedAt);
        String token = token(webhook.tokenEnv(), what);
        URI uri = UriComponentsBuilder.fromUriString(opsflowUrl.get()).path("webhooks/azure-monitor/{customer}").queryParam("token", "{token}")
                .encode().buildAndExpand(c.id(), token).toUri();
        send(c, "Azure Monitor", uri, null, payload, what);
        return new FiredTest(item.name(), payload.alertId(), firedAt, null);
    }

    /**
     * The incident the test raised, if it has arrived in ServiceNow: the one whose correlation id is the
     * alert id, in the customer's ServiceNow company when the registry names one.
     */
    public Optional<TestIncident> incident(Customer c, FiredTest fired) {
        if (fired.alertId() == null) {
            return Optional.empty();
        }
        String company = c.servicenow() == null ? null : c.servicenow().companySysId();
        return servicenow.findIncidentByCorrelationId(fired.alertId())
                .filter(incident -> company == null || company.equals(incident.company()))
                .map(incident -> new TestIncident(incident.number(), incident.sysId(), openedAt(incident).orElseGet(clock::instant)));
    }

    /**
     * The results table, one row per item in the order fired, as JSON-friendly maps: {@code item},
     * {@code alertId}, {@code incident} (number or null), {@code seconds} from sending to the incident's
     * opening (null when none), and {@code result}: the incident number, "not arrived", or why it was not sent.
     *
     * @param arrived the incidents found so far, by alert id
     * @param texts   the language of the people reading it (the customer's)
     */
    public static List<Map<String, Object>> resultsTable(List<FiredTest> fired, Map<String, TestIncident> arrived, Messages.Texts texts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FiredTest test : fired) {
            TestIncident incident = test.alertId() == null ? null : arrived.get(test.alertId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", test.item());
            row.put("alertId", test.alertId());
            row.put("incident", incident == null ? null : incident.number());
            row.put("seconds", incident == null || incident.openedAt() == null ? null
                    : Math.max(0, Duration.between(test.firedAt(), incident.openedAt()).toSeconds()));
            row.put("result", test.notFired() != null ? test.notFired()
                    : incident != null ? incident.number() : texts.text("preop.result.notArrived"));
            rows.add(row);
        }
        return rows;
    }

    private FiredTest notFired(Customer c, MonitoringItem item, String reason) {
        return new FiredTest(item.name(), null, null, messages.forCustomer(c).text(reason, c.id()));
    }

    private void send(Customer c, String system, URI uri, Consumer<HttpHeaders> headers, PreOperationPayloads.Payload payload, String what) {
        // The Azure webhook's URL holds the token: known to logs and messages by its path only.
        String path = uri.getRawPath();
        Destination destination = new Destination("opsflow", c.id(), system + " webhook " + path, "opsflow " + path, true);
        OutboundRequest post = new OutboundRequest(HttpMethod.POST, uri, "POST " + path, headers, JSON_UTF8, bytes(payload));
        outbound.exchange(destination, post, new PreOperationErrors(what), response -> response);
    }

    /** The first of the variable's tokens (the webhook accepts any of them during a rotation); never in a message. */
    private String token(String variable, String what) {
        String value = environment.apply(variable);
        String first = value == null ? "" : value.split(",")[0].trim();
        if (first.isEmpty()) {
            throw new PreOperationRejectedException(what + ": environment variable " + variable + " (the customer's webhook token) is not set", 0);
        }
        return first;
    }

    private byte[] bytes(PreOperationPayloads.Payload payload) {
        try {
            return json.writeValueAsBytes(payload.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Instant> openedAt(Incident incident) {
        String text = incident.openedAt();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, SERVICENOW_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
