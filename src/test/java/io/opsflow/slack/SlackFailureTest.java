package io.opsflow.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.slack.SlackContracts.ACME;
import static io.opsflow.slack.SlackContracts.FAST_RETRY;
import static io.opsflow.slack.SlackContracts.PATH;
import static io.opsflow.slack.SlackContracts.contract;
import static io.opsflow.slack.SlackContracts.notifier;
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;

/** The contract's response table: what is permanent, what is retried, for how long, what is thrown. */
class SlackFailureTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SlackNotifier notifier = notifier(wireMock);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            400 | invalid_payload
            400 | user_not_found
            403 | action_prohibited
            404 | no_service
            404 | channel_not_found
            410 | channel_is_archived
            """)
    void permanentErrorsAreRejectedWithStatusAndSlacksStringAndNotRetried(int status, String error) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(slackError(status, error)));

        SlackRejectedException e = catchThrowableOfType(SlackRejectedException.class,
                () -> notifier.notify(ACME, shortMessage()));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).isEqualTo(error);
        assertThat(e).hasMessageContaining("HTTP " + status + " " + error)
                .hasMessageContaining(SlackContracts.VARIABLE);
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    static Stream<JsonNode> contractErrors() {
        return StreamSupport.stream(contract("incoming-webhook-errors.exchanges.json").path("exchanges").spliterator(),
                false).map(exchange -> exchange.path("response")).filter(response -> response.path("status").asInt() != 429);
    }

    @ParameterizedTest
    @MethodSource("contractErrors")
    void theContractsErrorResponsesAreRejected(JsonNode response) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(slackError(response.path("status").asInt(),
                response.path("body").asText())));

        SlackRejectedException e = catchThrowableOfType(SlackRejectedException.class,
                () -> notifier.notify(ACME, shortMessage()));

        assertThat(e.status()).isEqualTo(response.path("status").asInt());
        assertThat(e.error()).isEqualTo(response.path("body").asText());
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theContracts429IsWaitedOutForRetryAfterSecondsThenDelivered() {
        JsonNode rateLimited = contract("incoming-webhook-errors.exchanges.json").at("/exchanges/4/response");
        assertThat(rateLimited.path("status").asInt()).isEqualTo(429);
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("Retry-After", rateLimited.at("/headers/Retry-After").asText()))
                .willSetStateTo("window reset"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("rate limit").whenScenarioStateIs("window reset")
                .willReturn(slackOk()));

        VirtualTime time = new VirtualTime();
        SlackDelivery delivery = notifier(wireMock, time).notify(ACME, shortMessage());

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(delivery).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumWaitFailsAtOnce() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        VirtualTime time = new VirtualTime();
        SlackUnavailableException e = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier(wireMock, time).notify(ACME, shortMessage()));

        assertThat(time.waits()).isEmpty();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e).hasMessageContaining("Retry-After 120 s").hasMessageContaining("2 s");
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void rollupErrorIsRetriedThenSurfacedAsUnavailable() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(slackError(500, "rollup_error")));

        SlackUnavailableException e = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier.notify(ACME, shortMessage()));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.error()).isEqualTo("rollup_error");
        assertThat(e).hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 500 rollup_error");
        wireMock.verify(FAST_RETRY.maxAttempts(), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a5xxThenOkIsDelivered() {
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"))
                .willSetStateTo("up"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up").willReturn(slackOk()));

        assertThat(notifier.notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aReadTimeoutIsRetried() {
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(slackOk().withFixedDelay(1500)).willSetStateTo("fast"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("slow").whenScenarioStateIs("fast").willReturn(slackOk()));

        assertThat(notifier.notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void timeoutsBeyondTheBoundAreUnavailableWithNoStatus() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(slackOk().withFixedDelay(1500)));

        SlackUnavailableException e = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier.notify(ACME, shortMessage()));

        assertThat(e.status()).isZero();
        assertThat(e.error()).isNull();
        assertThat(e).hasMessageContaining("after 3 attempts");
        wireMock.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void connectionResetsAreRetriedThenUnavailable() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SlackUnavailableException e = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier.notify(ACME, shortMessage()));

        assertThat(e.status()).isZero();
        wireMock.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    static ResponseDefinitionBuilder slackOk() {
        return slackError(200, "ok");
    }

    static ResponseDefinitionBuilder slackError(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(body);
    }
}
