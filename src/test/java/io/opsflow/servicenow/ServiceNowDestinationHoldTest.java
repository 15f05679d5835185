package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.FAST_RETRY;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.exchange;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/**
 * A 429's {@code Retry-After} holds the whole instance, not the one request: every later call on
 * this node waits it out (or fails at once, sending nothing, when it is longer than
 * {@code max-retry-after}). Waits are read from a virtual clock, not measured.
 */
class ServiceNowDestinationHoldTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENT = "/api/now/table/incident/" + SYS_ID;
    private static final String INCIDENTS = "/api/now/table/incident";

    private final VirtualTime time = new VirtualTime();
    // Generous timeouts: only the virtual waits are asserted, and a slow first request must not add one.
    private final ServiceNowClient client = client(wireMock, new ServiceNowProperties(null, "svc_opsflow", "s3cret",
            null, Duration.ofSeconds(5), Duration.ofSeconds(10), FAST_RETRY), time);

    @Test
    void aRetryAfterBeyondTheWaitHoldsEveryCallToTheInstanceThenTheRemainderIsWaited() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(rateLimited("5")));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(okJson(
                exchange("table-incident-find-by-correlation.exchanges.json").at("/exchanges/0/response/body").toString())));

        ServiceNowUnavailableException first = catchThrowableOfType(ServiceNowUnavailableException.class,
                () -> client.getIncident(SYS_ID));
        assertThat(first).hasMessageContaining("Retry-After 5 s");

        // Another table, same instance: held too, and nothing is sent.
        ServiceNowUnavailableException held = catchThrowableOfType(ServiceNowUnavailableException.class,
                () -> client.findIncidentByNumber("INC0010042"));
        assertThat(held.status()).isEqualTo(429);
        assertThat(held).hasMessageContaining("rate limited until").hasMessageContaining("5 s more")
                .hasMessageContaining("2 s");
        assertThat(PermanentFault.isPermanent(held)).isFalse();
        wireMock.verify(1, anyRequestedFor(anyUrl()));

        time.advance(Duration.ofSeconds(4));
        client.findIncidentByNumber("INC0010042");

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    @Test
    void aRetryAfterAsAnHttpDateIsWaitedUntilThatTime() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(time.now().plusSeconds(2).atOffset(ZoneOffset.UTC));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("date").whenScenarioStateIs(STARTED)
                .willReturn(rateLimited(inTwoSeconds)).willSetStateTo("open"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("date").whenScenarioStateIs("open")
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        assertThat(client.getIncident(SYS_ID).number()).isEqualTo("INC0010042");

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void aCallStartedWithinTheHoldIsSentOnlyAfterIt() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("window").whenScenarioStateIs(STARTED)
                .willReturn(rateLimited("10")).willSetStateTo("reset"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("window").whenScenarioStateIs("reset")
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));
        catchThrowableOfType(ServiceNowUnavailableException.class, () -> client.getIncident(SYS_ID));

        time.advance(Duration.ofMillis(8500));
        assertThat(client.getIncident(SYS_ID).number()).isEqualTo("INC0010042");

        assertThat(time.waits()).containsExactly(Duration.ofMillis(1500));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(String retryAfter) {
        JsonNode contract = exchange("table-rate-limited-429.exchange.json").path("response");
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Retry-After", retryAfter)
                .withHeader("X-RateLimit-Limit", contract.at("/headers/X-RateLimit-Limit").asText())
                .withBody(contract.path("body").toString());
    }
}
