package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Existence checks against the Microsoft.Resources contract. */
class AzureResourcesTest extends ArmWireMockTest {

    AzureResources resources;

    @BeforeEach
    void operations() {
        resources = new AzureResources(arm);
    }

    @Test
    void resourceGroupExistsOrNot() {
        stub("resource-group-get.exchanges.json", 0);
        stub("resource-group-get.exchanges.json", 1);

        assertThat(resources.resourceGroupExists(acme(), SUBSCRIPTION, "rg-acme-prod")).isTrue();
        assertThat(resources.resourceGroupExists(acme(), SUBSCRIPTION, "rg-acme-dr")).isFalse();
        wm.verify(getRequestedFor(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION + "/resourcegroups/rg-acme-prod"))
                .withQueryParam("api-version", equalTo("2025-04-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void resourceExistsOrNotById() {
        JsonNode found = stub("resource-get-by-id.exchanges.json", 0);
        JsonNode missing = stub("resource-get-by-id.exchanges.json", 1);

        assertThat(resources.resourceExists(acme(), found.path("request").path("path").asText(), "2024-11-01")).isTrue();
        assertThat(resources.resourceExists(acme(), missing.path("request").path("path").asText(), "2024-11-01")).isFalse();
        wm.verify(getRequestedFor(urlPathEqualTo(found.path("request").path("path").asText()))
                .withQueryParam("api-version", equalTo("2024-11-01")));
    }

    @Test
    void refusesSomethingThatIsNotAResourceId() {
        assertThatThrownBy(() -> resources.resourceExists(acme(), "https://elsewhere.example/x", "2024-11-01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JsonNode stub(String file, int index) {
        JsonNode exchange = exchange(file, index);
        wm.stubFor(get(urlPathEqualTo(exchange.path("request").path("path").asText()))
                .withQueryParam("api-version", equalTo(exchange.path("request").path("query").path("api-version").asText()))
                .willReturn(answer(exchange.path("response").path("status").asInt(), exchange.path("response").path("body"))));
        return exchange;
    }
}
