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
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.SharedDatabase;
import io.opsflow.outbound.Timing;
import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/**
 * Two nodes (two notifiers, each with its own store) on one database: a 429's hold and a gone
 * webhook learnt by one node govern the other, and the repair task is asked for once.
 */
class SlackSharedDestinationStateTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final SlackProperties PROPERTIES =
            new SlackProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), SlackContracts.FAST_RETRY);

    private final SharedDatabase database = new SharedDatabase();
    private final VirtualTime time = new VirtualTime();
    /** Each wait of node B, with how many requests WireMock had received when it began. */
    private final List<String> nodeBWaits = new CopyOnWriteArrayList<>();
    private final List<String> goneAnnounced = new CopyOnWriteArrayList<>();
    private final DestinationGoneListener listener = (destination, reason) ->
            goneAnnounced.add(destination + " / " + reason);
    private final Map<String, String> environment = Map.of(VARIABLE, wireMock.baseUrl() + PATH);

    private final SlackNotifier nodeA = node(time);
    private final SlackNotifier nodeB = node(new Timing() {

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public void sleep(Duration wait) {
            nodeBWaits.add(wait + " after " + wireMock.getAllServeEvents().size() + " requests");
            time.sleep(wait);
        }
    });

    private SlackNotifier node(Timing timing) {
        return new WebhookSlackNotifier(new OutboundClient(WebClient.builder(), PROPERTIES, timing,
                database.newNodeStore(), listener), environment::get);
    }

    @Test
    void aHoldLearntByOneNodeHoldsTheOtherNodesNextMessageUntilRetryAfterHasPassed() {
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("burst").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("calm"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("burst").whenScenarioStateIs("calm")
                .willReturn(SlackFailureTest.slackOk()));
        catchThrowableOfType(SlackUnavailableException.class, () -> nodeA.notify(ACME, shortMessage()));

        SlackUnavailableException held = catchThrowableOfType(SlackUnavailableException.class,
                () -> nodeB.notify(ACME, shortMessage()));
        assertThat(held.status()).isEqualTo(429);
        assertThat(held).hasMessageContaining("rate limited").hasMessageContaining(VARIABLE)
                .hasMessageNotContaining(SECRET);
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));

        time.advance(Duration.ofSeconds(29));
        assertThat(nodeB.notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);

        // Node B waited out the last second of node A's hold with nothing sent meanwhile, then sent once.
        assertThat(nodeBWaits).containsExactly(Duration.ofSeconds(1) + " after 1 requests");
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aWebhookGoneForOneNodeGetsNoRequestFromTheOtherAndIsAnnouncedOnce() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackError(410, "channel_is_archived")));
        catchThrowableOfType(SlackRejectedException.class, () -> nodeA.notify(ACME, shortMessage()));

        SlackRejectedException refused = catchThrowableOfType(SlackRejectedException.class,
                () -> nodeB.notify(ACME, shortMessage()));
        catchThrowableOfType(SlackRejectedException.class, () -> nodeA.notify(ACME, shortMessage()));

        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(PermanentFault.isPermanent(refused)).isTrue();
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused).hasMessageContaining("is gone").hasMessageContaining("customer acme")
                .hasMessageContaining(VARIABLE).hasMessageNotContaining(SECRET);
        assertThat(goneAnnounced).containsExactly(
                "Slack webhook " + VARIABLE + " of customer acme / HTTP 410 channel_is_archived");
        assertThat(nodeBWaits).isEmpty();
    }

    @Test
    void savingTheCustomerClearsTheGoneMarkForEveryNode() {
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("archived").whenScenarioStateIs(STARTED)
                .willReturn(SlackFailureTest.slackError(410, "channel_is_archived")).willSetStateTo("restored"));
        wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("archived").whenScenarioStateIs("restored")
                .willReturn(SlackFailureTest.slackOk()));
        catchThrowableOfType(SlackRejectedException.class, () -> nodeA.notify(ACME, shortMessage()));

        assertThat(database.newNodeStore().clearGone("acme")).containsExactly("webhook " + VARIABLE);

        assertThat(nodeB.notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theDestinationIsKnownByTheVariableAndTheCustomerNeverByItsUrl() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackError(404, "no_service")));
        catchThrowableOfType(SlackRejectedException.class, () -> nodeA.notify(ACME, shortMessage()));

        assertThat(goneAnnounced).singleElement().asString().contains(VARIABLE).contains("acme")
                .doesNotContain(SECRET).doesNotContain(PATH).doesNotContain(wireMock.baseUrl());
    }
}
