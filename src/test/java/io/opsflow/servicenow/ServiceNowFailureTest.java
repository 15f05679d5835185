package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.FAST_RETRY;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.basicAuth;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.exchange;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;

/** 429, 5xx, timeouts and error envelopes: what is retried, for how long, and what is thrown. */
class ServiceNowFailureTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENT = "/api/now/table/incident/" + SYS_ID;

    private final ServiceNowClient client = client(wireMock);

    @Test
    void a429IsRetriedAfterRetryAfterSeconds() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(rateLimited("1")).willSetStateTo("window reset"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("rate limit").whenScenarioStateIs("window reset")
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        VirtualTime time = new VirtualTime();
        Incident incident = client(wireMock, basicAuth(FAST_RETRY), time).getIncident(SYS_ID);

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(incident.number()).isEqualTo("INC0010042");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumWaitFailsAtOnceNamingTheWait() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(rateLimited("12")));

        VirtualTime time = new VirtualTime();
        ServiceNowUnavailableException e = catchThrowableOfType(ServiceNowUnavailableException.class,
                () -> client(wireMock, basicAuth(FAST_RETRY), time).getIncident(SYS_ID));

        assertThat(time.waits()).isEmpty();
        assertThat(e).hasMessageContaining("Retry-After 12 s").hasMessageContaining("2 s");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorMessage()).isEqualTo("Rate limit exceeded");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void a5xxIsRetriedThenSurfacedAsUnavailableAfterTheBound() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Service Unavailable\",\"detail\":null},\"status\":\"failure\"}")));

        ServiceNowUnavailableException e = catchThrowableOfType(ServiceNowUnavailableException.class,
                () -> client.getIncident(SYS_ID));

        assertThat(e).hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 503");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.errorMessage()).isEqualTo("Service Unavailable");
        assertThat(e.errorDetail()).isNull();
        wireMock.verify(FAST_RETRY.maxAttempts(), getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void a5xxThenSuccessReturnsTheRecord() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("up"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        assertThat(client.getIncident(SYS_ID).number()).isEqualTo("INC0010042");
    }

    @Test
    void aReadTimeoutIsRetried() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(responseBody("table-incident-get.exchange.json")).withFixedDelay(1500))
                .willSetStateTo("fast"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        assertThat(client.getIncident(SYS_ID).number()).isEqualTo("INC0010042");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void timeoutsAndResetsBeyondTheBoundAreUnavailableWithNoStatus() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ServiceNowUnavailableException e = catchThrowableOfType(ServiceNowUnavailableException.class,
                () -> client.getIncident(SYS_ID));

        assertThat(e.status()).isZero();
        assertThat(e).hasMessageContaining("after 3 attempts");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            400 | ServiceNowBadRequestException   | Invalid table          | Requested table does not exist
            401 | ServiceNowUnauthorizedException | User Not Authenticated | Required to provide Auth information
            403 | ServiceNowForbiddenException    | Operation Failed       | ACL Exception Update Failed due to security constraints
            404 | ServiceNowNotFoundException     | No Record found        | Record doesn't exist or ACL restricts the record retrieval
            """)
    void clientErrorsAreTypedWithServiceNowsMessageAndAreNotRetried(int status, String type, String message,
            String detail) {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"detail\":\"" + detail
                        + "\"},\"status\":\"failure\"}")));

        ServiceNowException e = catchThrowableOfType(ServiceNowException.class, () -> client.getIncident(SYS_ID));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorMessage()).isEqualTo(message);
        assertThat(e.errorDetail()).isEqualTo(detail);
        assertThat(e).hasMessageContaining("GET /api/now/table/incident/" + SYS_ID + ": HTTP " + status);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void theContractsErrorEnvelopesAreRead() {
        JsonNode notFound = exchange("table-error-not-found.exchange.json");
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(notFound.at("/response/body").toString())));
        JsonNode unauthorized = exchange("table-error-unauthorized.exchange.json");
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(unauthorized.at("/response/body").toString())));

        assertThatThrownBy(() -> client.getIncident(SYS_ID)).isInstanceOfSatisfying(ServiceNowNotFoundException.class,
                e -> assertThat(e.errorDetail()).isEqualTo(notFound.at("/response/body/error/detail").asText()));
        assertThatThrownBy(() -> client.findIncidentByNumber("INC0010042"))
                .isInstanceOfSatisfying(ServiceNowUnauthorizedException.class,
                        e -> assertThat(e.errorMessage()).isEqualTo("User Not Authenticated"));
    }

    private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
        JsonNode contract = exchange("table-rate-limited-429.exchange.json").path("response");
        return aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Retry-After", retryAfter)
                .withHeader("X-RateLimit-Limit", contract.at("/headers/X-RateLimit-Limit").asText())
                .withHeader("X-RateLimit-Reset", contract.at("/headers/X-RateLimit-Reset").asText())
                .withHeader("X-RateLimit-Rule", contract.at("/headers/X-RateLimit-Rule").asText())
                .withBody(contract.path("body").toString());
    }
}
