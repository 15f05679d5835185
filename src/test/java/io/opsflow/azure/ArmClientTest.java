package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** The generic ARM path: token, headers, retries, throttling and error mapping. */
class ArmClientTest extends ArmWireMockTest {

    static final String VM = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01";

    @Test
    void sendsArmRequestWithTheTokenTheClientSecretCredentialFetched() {
        JsonNode ok = exchange("arm-throttled-429.exchanges.json", 1).path("response");
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(answer(200, ok.path("body"))
                .withHeader("x-ms-ratelimit-remaining-subscription-reads", "49")));

        ArmResponse response = arm.send(acme(), ArmRequest.get(VM, "2024-11-01"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("location").asText()).isEqualTo("japaneast");
        assertThat(response.header("X-MS-RATELIMIT-REMAINING-SUBSCRIPTION-READS")).isEqualTo("49");
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + SECRET))
                .withRequestBody(containing("grant_type=client_credentials")));
        wm.verify(getRequestedFor(urlPathEqualTo(VM))
                .withQueryParam("api-version", equalTo("2024-11-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("User-Agent", containing("opsflow"))
                .withHeader("x-ms-client-request-id", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")));
    }

    @Test
    void waitsOutA429RetryAfterThenSucceeds() {
        JsonNode throttled = exchange("arm-throttled-429.exchanges.json", 0).path("response");
        JsonNode ok = exchange("arm-throttled-429.exchanges.json", 1).path("response");
        wm.stubFor(get(urlPathEqualTo(VM)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(answer(429, throttled.path("body")).withHeader("Retry-After", "1")
                        .withHeader("x-ms-ratelimit-remaining-subscription-reads", "0"))
                .willSetStateTo("refilled"));
        wm.stubFor(get(urlPathEqualTo(VM)).inScenario("throttled").whenScenarioStateIs("refilled")
                .willReturn(answer(200, ok.path("body"))));

        ArmResponse response = arm.send(acme(), ArmRequest.get(VM, "2024-11-01"));

        assertThat(response.status()).isEqualTo(200);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(VM)));
        assertThat(gapBetweenTheTwoRequests()).as("Retry-After: 1 waited out").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void failsWithoutRetryingWhenArmAsksToWaitLongerThanTheBound() {
        JsonNode throttled = exchange("arm-throttled-429.exchanges.json", 0).path("response");
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(answer(429, throttled.path("body")).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isInstanceOfSatisfying(ArmThrottledException.class, e -> {
                    assertThat(e.code()).isEqualTo("SubscriptionRequestsThrottled");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.isTransient()).isTrue();
                });
        // azure-core's retry policy waits only before a retry: one request means no wait was taken.
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(VM)));
    }

    @Test
    void honoursRetryAfterInMilliseconds() {
        wm.stubFor(get(urlPathEqualTo(VM)).inScenario("ms").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("x-ms-retry-after-ms", "300")).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo(VM)).inScenario("ms").whenScenarioStateIs("up")
                .willReturn(answer(200, exchange("arm-throttled-429.exchanges.json", 1).path("response").path("body"))));

        assertThat(arm.send(acme(), ArmRequest.get(VM, "2024-11-01")).status()).isEqualTo(200);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(VM)));
        assertThat(gapBetweenTheTwoRequests()).as("x-ms-retry-after-ms: 300 waited out").isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void retriesServerErrorsThenSurfacesThemTyped() {
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-503")
                .withBody("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The service is unavailable.\"}}")));

        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isInstanceOfSatisfying(ArmUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                    assertThat(e.requestId()).isEqualTo("req-503");
                    assertThat(e.getMessage()).contains("The service is unavailable.", "req-503");
                });
        // maxRetries 2: the first try and two retries
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo(VM)));
    }

    @Test
    void mapsArmEnvelopeAndProviderFlatErrorBodies() {
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have authorization\"}}")));
        wm.stubFor(get(urlPathEqualTo("/flat")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"BadRequest\",\"message\":\"Runbook not published\"}")));
        wm.stubFor(get(urlPathEqualTo("/pascal")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"InvalidCriteria\",\"Message\":\"Metric not found\"}")));
        wm.stubFor(get(urlPathEqualTo("/plain")).willReturn(aResponse().withStatus(400).withBody("Bad Request")));

        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isExactlyInstanceOf(ArmException.class)
                .hasMessageContaining("403 AuthorizationFailed: The client does not have authorization")
                .satisfies(e -> assertThat(((ArmException) e).isTransient()).isFalse());
        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get("/flat", "2024-10-23")))
                .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("BadRequest"))
                .hasMessageContaining("Runbook not published");
        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get("/pascal", "2026-01-01")))
                .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("InvalidCriteria"));
        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get("/plain", "2026-01-01")))
                .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("Http400"))
                .hasMessageContaining("Bad Request");
    }

    @Test
    void mapsNotFoundAndConflictToTheirTypes() {
        JsonNode notFound = exchange("resource-get-by-id.exchanges.json", 1).path("response");
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(answer(404, notFound.path("body"))));
        wm.stubFor(get(urlPathEqualTo("/conflict")).willReturn(aResponse().withStatus(409)
                .withBody("{\"error\":{\"code\":\"Conflict\",\"message\":\"exists\"}}")));

        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isInstanceOfSatisfying(ArmNotFoundException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFound"));
        assertThat(arm.find(acme(), ArmRequest.get(VM, "2024-11-01"))).isEmpty();
        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get("/conflict", "2024-11-01")))
                .isInstanceOf(ArmConflictException.class);
    }

    @Test
    void followsOnlyUrlsUnderTheArmEndpoint() {
        assertThatThrownBy(() -> arm.follow(acme(), "https://elsewhere.example/subscriptions/x?api-version=1"))
                .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("ForeignUrl"));
        wm.verify(exactly(0), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void listFollowsNextLinkToTheLastPage() {
        String path = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Support/supportTickets";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":[{\"name\":\"a\"}],\"nextLink\":\"" + baseUrl() + path
                                + "?api-version=2024-04-01&$skiptoken=p2\"}")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", equalTo("p2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":[{\"name\":\"b\"}],\"nextLink\":null}")));

        assertThat(arm.list(acme(), ArmRequest.get(path, "2024-04-01")))
                .extracting(n -> n.path("name").asText()).containsExactly("a", "b");
    }

    @Test
    void cachesThePipelineAndTheTokenPerCustomer() {
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(answer(200, exchange("arm-throttled-429.exchanges.json", 1)
                .path("response").path("body"))));

        arm.send(acme(), ArmRequest.get(VM, "2024-11-01"));
        arm.send(acme(), ArmRequest.get(VM, "2024-11-01"));

        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(VM)));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsTheExchangeAndTheRateLimitButNoSecret(CapturedOutput output) {
        wm.stubFor(get(urlPathEqualTo(VM)).willReturn(answer(200, exchange("arm-throttled-429.exchanges.json", 1)
                .path("response").path("body")).withHeader("x-ms-ratelimit-remaining-subscription-reads", "249")));

        // azure-core logs the exchange at info (the Spring test profile's root level is warn)
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger rateLimitLog = (Logger) LoggerFactory.getLogger(RateLimitLoggingPolicy.class);
        Level rootLevel = root.getLevel();
        Level rateLimitLevel = rateLimitLog.getLevel();
        root.setLevel(Level.INFO);
        rateLimitLog.setLevel(Level.DEBUG);
        try {
            arm.send(acme(), ArmRequest.get(VM, "2024-11-01"));
        } finally {
            root.setLevel(rootLevel);
            rateLimitLog.setLevel(rateLimitLevel);
        }

        assertThat(output.getAll())
                .contains("api-version=2024-11-01", "x-ms-ratelimit-remaining-subscription-reads=249")
                .doesNotContain(SECRET, ACCESS_TOKEN);
    }

    @Test
    void aRefusedTokenIsNotRetriedAndSaysWhoseItWas() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));

        assertThatThrownBy(() -> arm.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isInstanceOfSatisfying(ArmException.class, e -> {
                    assertThat(e.code()).isEqualTo("CredentialFailed");
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("'acme'");
        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(VM)));
    }

    @Test
    void noAnswerIsRetriedThenSurfacedAsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AzureProperties properties = properties(new AzureProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofSeconds(1)));
        ArmClient unreachable = new ArmClient(() -> "https://localhost:" + closedPort,
                new ArmPipelines(HTTP_CLIENT, credentials, properties));

        assertThatThrownBy(() -> unreachable.send(acme(), ArmRequest.get(VM, "2024-11-01")))
                .isInstanceOfSatisfying(ArmUnavailableException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.code()).isEqualTo("NoResponse");
                    assertThat(e.isTransient()).isTrue();
                });
    }

    /**
     * The time between the first and the second request to {@link #VM} as WireMock received them:
     * the wait the retry took, a lower bound only (a loaded machine may take longer).
     */
    private static Duration gapBetweenTheTwoRequests() {
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo(VM)));
        assertThat(requests).hasSize(2);
        List<Instant> received = requests.stream().map(r -> r.getLoggedDate().toInstant()).sorted().toList();
        return Duration.between(received.get(0), received.get(1));
    }
}
