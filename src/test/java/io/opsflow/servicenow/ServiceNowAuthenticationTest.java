package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.FAST_RETRY;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** OAuth2 client credentials: one token for many calls, renewed when refused; secrets never printed. */
class ServiceNowAuthenticationTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENT = "/api/now/table/incident/" + SYS_ID;
    private static final ServiceNowProperties OAUTH = new ServiceNowProperties(null, null, null,
            new ServiceNowProperties.OAuth("opsflow-client", "oauth-s3cret"), Duration.ofSeconds(1),
            Duration.ofMillis(500), FAST_RETRY);

    private final ServiceNowClient client = client(wireMock, OAUTH);

    @Test
    void theTokenIsFetchedOnceWithClientCredentialsAndReused() {
        wireMock.stubFor(post(urlPathEqualTo("/oauth_token.do")).willReturn(token("token-1")));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        client.getIncident(SYS_ID);
        client.getIncident(SYS_ID);

        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/oauth_token.do"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", absent())
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("opsflow-client"))
                .withFormParam("client_secret", equalTo("oauth-s3cret")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENT)).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void aRevokedTokenIsReplacedOnce() {
        wireMock.stubFor(post(urlPathEqualTo("/oauth_token.do")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(token("revoked")).willSetStateTo("second"));
        wireMock.stubFor(post(urlPathEqualTo("/oauth_token.do")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(token("token-2")));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401).withBody(responseBody("table-error-unauthorized.exchange.json"))));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        assertThat(client.getIncident(SYS_ID).number()).isEqualTo("INC0010042");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
    }

    @Test
    void refusedClientCredentialsAreUnauthorized() {
        wireMock.stubFor(post(urlPathEqualTo("/oauth_token.do")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_description\":\"access_denied\",\"error\":\"server_error\"}")));

        assertThatThrownBy(() -> client.getIncident(SYS_ID)).isInstanceOfSatisfying(ServiceNowUnauthorizedException.class,
                e -> {
                    assertThat(e.errorMessage()).isEqualTo("server_error");
                    assertThat(e.errorDetail()).isEqualTo("access_denied");
                    assertThat(e).hasMessageStartingWith("POST /oauth_token.do: HTTP 401").hasMessageNotContaining("s3cret");
                });
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(INCIDENT)));
    }

    @Test
    void toStringNeverShowsSecrets() {
        ServiceNowProperties both = new ServiceNowProperties("https://contosomsp.service-now.com", "svc_opsflow",
                "basic-s3cret", new ServiceNowProperties.OAuth("opsflow-client", "oauth-s3cret"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), FAST_RETRY);

        assertThat(both.toString()).contains("svc_opsflow", "opsflow-client", "<set>")
                .doesNotContain("basic-s3cret", "oauth-s3cret");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String token) {
        return okJson("{\"access_token\":\"" + token + "\",\"scope\":\"useraccount\",\"token_type\":\"Bearer\","
                + "\"expires_in\":1799}");
    }
}
