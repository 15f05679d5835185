package io.opsflow.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.slack.SlackContracts.ACME;
import static io.opsflow.slack.SlackContracts.PATH;
import static io.opsflow.slack.SlackContracts.SECRET;
import static io.opsflow.slack.SlackContracts.VARIABLE;
import static io.opsflow.slack.SlackContracts.notifier;
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/**
 * A webhook is a destination with state: gone after 410 or 404 {@code no_service} (no further
 * request; each later message fails at once as a permanent fault naming the customer and the
 * variable), held after a 429 until its {@code Retry-After} has passed.
 */
class SlackDestinationStateTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualTime time = new VirtualTime();
    // Generous timeouts: only the virtual waits are asserted, and a slow first request must not add one.
    private final SlackNotifier notifier = notifier(Map.of(VARIABLE, wireMock.baseUrl() + PATH),
            new SlackProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), SlackContracts.FAST_RETRY), time);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            410 | channel_is_archived
            404 | no_service
            """)
    void aGoneWebhookGetsNoFurtherRequestAndEachLaterMessageIsAPermanentFaultAtOnce(int status, String error) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackError(status, error)));
        catchThrowableOfType(SlackRejectedException.class, () -> notifier.notify(ACME, shortMessage()));

        SlackRejectedException later = catchThrowableOfType(SlackRejectedException.class,
                () -> notifier.notify(ACME, shortMessage()));

        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(PermanentFault.isPermanent(later)).isTrue();
        assertThat(later.status()).isEqualTo(status);
        assertThat(later.error()).isEqualTo(error);
        assertThat(later).hasMessageContaining("customer acme").hasMessageContaining(VARIABLE)
                .hasMessageContaining("is gone").hasMessageContaining("HTTP " + status + " " + error);
        StringWriter trace = new StringWriter();
        later.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(PATH);
    }

    @Test
    void otherRefusalsLeaveTheWebhookInUse() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackError(404, "channel_not_found")));

        catchThrowableOfType(SlackRejectedException.class, () -> notifier.notify(ACME, shortMessage()));
        catchThrowableOfType(SlackRejectedException.class, () -> notifier.notify(ACME, shortMessage()));

        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aRateLimitedWebhookHoldsTheNextMessageUntilRetryAfterHasPassed() {
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("burst").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("calm"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("burst").whenScenarioStateIs("calm")
                .willReturn(SlackFailureTest.slackOk()));
        SlackUnavailableException first = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier.notify(ACME, shortMessage()));
        assertThat(first).hasMessageContaining("Retry-After 30 s");

        SlackUnavailableException held = catchThrowableOfType(SlackUnavailableException.class,
                () -> notifier.notify(ACME, shortMessage()));
        assertThat(held.status()).isEqualTo(429);
        assertThat(held).hasMessageContaining(VARIABLE).hasMessageNotContaining(SECRET);
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));

        time.advance(Duration.ofSeconds(29));
        assertThat(notifier.notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }
}
