package io.opsflow.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.slack.SlackContracts.ACME;
import static io.opsflow.slack.SlackContracts.PATH;
import static io.opsflow.slack.SlackContracts.PROPERTIES;
import static io.opsflow.slack.SlackContracts.VARIABLE;
import static io.opsflow.slack.SlackContracts.alert;
import static io.opsflow.slack.SlackContracts.contract;
import static io.opsflow.slack.SlackContracts.customer;
import static io.opsflow.slack.SlackContracts.expectedAlertPayload;
import static io.opsflow.slack.SlackContracts.notifier;
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.opsflow.customer.Customer;
import io.opsflow.outbound.OutboundClient;

/** The request Slack gets, and what happens before any request: no channel, no variable. */
class SlackNotifierTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void theContractAlertIsPostedAsUtf8BlockKitJsonAndOkMeansDelivered() throws Exception {
        JsonNode exchange = contract("incoming-webhook-post-ok.exchange.json");
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(exchange.at("/response/status").asInt())
                .withHeader("Content-Type", exchange.at("/response/headers/Content-Type").asText())
                .withBody(exchange.at("/response/body").asText())));

        SlackDelivery delivery = notifier(wireMock).notify(ACME, alert());

        assertThat(delivery).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Content-Type", containing("charset=UTF-8"))
                .withRequestBody(equalToJson(expectedAlertPayload().toString(), false, false)));
        LoggedRequest request = wireMock.getAllServeEvents().get(0).getRequest();
        String body = new String(request.getBody(), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(body)).isEqualTo(expectedAlertPayload());
        // Sent as-is, not as \\u escapes.
        assertThat(body).contains("【障害】vm-acme-web01 CPU使用率超過 (Sev2)", "運用チーム（一次対応中）");
    }

    @Test
    void aCustomerWithoutSlackIsNotConfiguredAndNothingIsLookedUpOrSent() {
        List<String> lookedUp = new ArrayList<>();
        WebhookSlackNotifier notifier = new WebhookSlackNotifier(
                new OutboundClient(WebClient.builder(), PROPERTIES), name -> {
                    lookedUp.add(name);
                    return null;
                });

        assertThat(notifier.notify(customer(null), alert())).isEqualTo(SlackDelivery.NOT_CONFIGURED);

        assertThat(lookedUp).isEmpty();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnsetVariableIsNamedInATypedExceptionAndNothingIsSent() {
        SlackWebhookNotSetException e = catchThrowableOfType(SlackWebhookNotSetException.class,
                () -> notifier(Map.of(), PROPERTIES).notify(ACME, shortMessage()));

        assertThat(e.variable()).isEqualTo(VARIABLE);
        assertThat(e).hasMessageContaining(VARIABLE).hasMessageContaining("acme").hasMessageContaining("not set");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aVariableThatHoldsNoUrlIsNamedWithoutQuotingItsValue() {
        String notAUrl = "hooks.slack.com/services/T0123ABCD/B0456EFGH/leaked";

        SlackWebhookNotSetException e = catchThrowableOfType(SlackWebhookNotSetException.class,
                () -> notifier(Map.of(VARIABLE, notAUrl), PROPERTIES).notify(ACME, shortMessage()));

        assertThat(e).hasMessageContaining(VARIABLE).hasMessageNotContaining("leaked");
    }

    @Test
    void anyNon2xxOtherThan429Or5xxIsPermanentEvenWhenSlackAddsNewErrorStrings() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403).withBody("team_disabled")));

        SlackRejectedException e = catchThrowableOfType(SlackRejectedException.class,
                () -> notifier(wireMock).notify(customer(new Customer.Slack(VARIABLE)), shortMessage()));

        assertThat(e.error()).isEqualTo("team_disabled");
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(
                equalToJson("{\"text\": \"テスト通知\"}")).withHeader("Content-Type", equalTo("application/json;charset=UTF-8")));
    }
}
