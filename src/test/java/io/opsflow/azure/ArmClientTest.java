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

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
}
