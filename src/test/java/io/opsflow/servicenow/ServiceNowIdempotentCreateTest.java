package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.CORRELATION_ID;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.exchange;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** One logical create makes at most one incident, whatever happens to the answers. */
class ServiceNowIdempotentCreateTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENTS = "/api/now/table/incident";
    private static final String FIND = "table-incident-find-by-correlation.exchanges.json";

    private final ServiceNowClient client = client(wireMock);

    @Test
    void anExistingCorrelationIdReturnsTheExistingIncidentWithoutPosting() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(found()));

        Incident incident = client.createIncident(newIncident());

        assertThat(incident.sysId()).isEqualTo(SYS_ID);
        assertThat(incident.number()).isEqualTo("INC0010042");
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    @Test
    void aPostWhoseAnswerTimesOutIsFoundByTheRetryInsteadOfPostedAgain() {
        // The read timeout is 500 ms: ServiceNow creates the incident but the answer never arrives in time.
        lostPost(aResponse().withStatus(201).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(responseBody("table-incident-create.exchange.json")).withFixedDelay(1500));

        Incident incident = client.createIncident(newIncident());

        assertThat(incident.number()).isEqualTo("INC0010042");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INCIDENTS)));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    @Test
    void aPostWhoseConnectionDropsIsFoundByTheRetryInsteadOfPostedAgain() {
        lostPost(aResponse().withFault(Fault.EMPTY_RESPONSE));

        Incident incident = client.createIncident(newIncident());

        assertThat(incident.sysId()).isEqualTo(SYS_ID);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    /** Lookup finds nothing, the POST creates the record but its answer is lost, the next lookup finds it. */
    private void lostPost(ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).inScenario("create").whenScenarioStateIs(STARTED)
                .willReturn(okJson(exchange(FIND).at("/exchanges/0/response/body").toString())));
        wireMock.stubFor(post(urlPathEqualTo(INCIDENTS)).inScenario("create").whenScenarioStateIs(STARTED)
                .willReturn(answer).willSetStateTo("created"));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).inScenario("create").whenScenarioStateIs("created")
                .willReturn(found()));
    }

    private static ResponseDefinitionBuilder found() {
        return okJson(exchange(FIND).at("/exchanges/1/response/body").toString()).withHeader("X-Total-Count", "1");
    }

    private static NewIncident newIncident() {
        return new NewIncident(CORRELATION_ID, "azure-monitor", "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f", null,
                "7e9f1a3b5c7d4e2f8a0b2c4d6e8f0a1b", null, "[Azure Monitor] Sev2 acme-vm-cpu-high fired on vm-acme-web01",
                null, "2", "2", "hardware", "cpu");
    }
}
