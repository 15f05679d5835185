package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.servicenow.Contracts.client;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** A new customer's company and assignment group: found by name, else created once, over the Table API. */
class ServiceNowCompanyTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String COMPANIES = "/api/now/table/core_company";
    static final String GROUPS = "/api/now/table/sys_user_group";
    static final String COMPANY = "31bea3d53790200044e0bfc8bcbe5dec";

    private final ServiceNowClient client = client(wireMock);

    @Test
    void anExistingCompanyIsFoundByItsJapaneseNameAndNothingIsCreated() {
        wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).withQueryParam("sysparm_query", equalTo("name=極株式会社^ORDERBYsys_created_on"))
                .willReturn(okJson("{\"result\":[{\"sys_id\":\"" + COMPANY + "\"}]}")));
        assertThat(client.ensureCompany("極株式会社")).isEqualTo(COMPANY);
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(COMPANIES)));
    }

    @Test
    void aMissingGroupIsCreatedForTheCompany() {
        wireMock.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(okJson("{\"result\":[]}")));
        wireMock.stubFor(post(urlPathEqualTo(GROUPS)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"result\":{\"sys_id\":\"a2b4c6d8e0f24a6c8e0a2c4e6a8c0e2b\"}}")));
        assertThat(client.ensureAssignmentGroup("MSP Operations - Kiwami Co., Ltd.", COMPANY)).isEqualTo("a2b4c6d8e0f24a6c8e0a2c4e6a8c0e2b");
        wireMock.verify(postRequestedFor(urlPathEqualTo(GROUPS)).withQueryParam("sysparm_fields", equalTo("sys_id"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("MSP Operations - Kiwami Co., Ltd.")))
                .withRequestBody(matchingJsonPath("$.company", equalTo(COMPANY))));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsLookedUpBeforeItIsSentAgain() {
        wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"result\":[]}")));
        wireMock.stubFor(post(urlPathEqualTo(COMPANIES)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("created"));
        wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson("{\"result\":[{\"sys_id\":\"" + COMPANY + "\"}]}")));
        assertThat(client.ensureCompany("Kiwami Co., Ltd.")).isEqualTo(COMPANY);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANIES)));
    }
}
