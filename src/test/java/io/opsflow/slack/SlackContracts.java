package io.opsflow.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.customer.Customer;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/**
 * The Slack contract examples (copied into test resources), the message of the contract example,
 * and a notifier pointed at WireMock through a fake environment, with short timeouts and back-offs.
 */
final class SlackContracts {

    static final String VARIABLE = "OPSFLOW_SLACK_ACME_WEBHOOK";
    /** The contract's path with a secret that is easy to look for in logs and stack traces. */
    static final String SECRET = "s3cretWebhookToken4711";
    static final String PATH = "/services/T0123ABCD/B0456EFGH/" + SECRET;
    static final Customer ACME = customer(new Customer.Slack(VARIABLE));
    static final SlackProperties.Retry FAST_RETRY =
            new SlackProperties.Retry(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2));
    static final SlackProperties PROPERTIES =
            new SlackProperties(Duration.ofSeconds(1), Duration.ofMillis(300), FAST_RETRY);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackContracts() {
    }

    static Customer customer(Customer.Slack slack) {
        return new Customer("acme", "ACME Corporation", "ja-JP", null, null, null, slack, Map.of(), null);
    }

    static JsonNode contract(String file) {
        try (InputStream in = SlackContracts.class.getResourceAsStream("/contracts/slack/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expectedAlertPayload() {
        return contract("incoming-webhook-post-ok.exchange.json").path("request").path("body");
    }

    /** The Japanese CPU alert of {@code incoming-webhook-post-ok.exchange.json}, as a caller would build it. */
    static SlackMessage alert() {
        String incidentUrl = "https://contosomsp.service-now.com/nav_to.do?uri=incident.do?sys_id="
                + "5f2e8c1a47d0b210a3c9e6f15d8b7a42";
        return new SlackMessage(
                "【障害】ACME vm-acme-web01 のCPU使用率が閾値を超えました (Sev2) INC0010042",
                "【障害】vm-acme-web01 CPU使用率超過 (Sev2)",
                List.of(new SlackMessage.Field("顧客", "ACME Corporation"),
                        new SlackMessage.Field("インシデント", "INC0010042", incidentUrl),
                        new SlackMessage.Field("アラートルール", "acme-vm-cpu-high"),
                        new SlackMessage.Field("発生時刻", "2026-11-24 10:58 JST")),
                "Percentage CPU (Average) が *97.4%* になりました（閾値 90%、5分間）。\n担当: 運用チーム（一次対応中）",
                "opsflow · Azure Monitor · subscription 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                new SlackMessage.Link("ServiceNowで開く", incidentUrl, "open_incident"));
    }

    static SlackMessage shortMessage() {
        return new SlackMessage("テスト通知", null, null, null, null, null);
    }

    static WebhookSlackNotifier notifier(WireMockExtension wireMock) {
        return notifier(wireMock, Timing.SYSTEM);
    }

    /** With {@link io.opsflow.outbound.VirtualTime}, holds and {@code Retry-After} are recorded instead of waited. */
    static WebhookSlackNotifier notifier(WireMockExtension wireMock, Timing timing) {
        return notifier(Map.of(VARIABLE, wireMock.baseUrl() + PATH), PROPERTIES, timing);
    }

    static WebhookSlackNotifier notifier(Map<String, String> environment, SlackProperties properties) {
        return notifier(environment, properties, Timing.SYSTEM);
    }

    static WebhookSlackNotifier notifier(Map<String, String> environment, SlackProperties properties, Timing timing) {
        return new WebhookSlackNotifier(new OutboundClient(WebClient.builder(), properties, timing), environment::get);
    }
}
