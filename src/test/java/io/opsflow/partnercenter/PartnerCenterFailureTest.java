package io.opsflow.partnercenter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.partnercenter.PartnerCenterContracts.CUSTOMER;
import static io.opsflow.partnercenter.PartnerCenterContracts.acme;
import static io.opsflow.partnercenter.PartnerCenterContracts.created;
import static io.opsflow.partnercenter.PartnerCenterContracts.scenario;
import static io.opsflow.partnercenter.PartnerCenterContracts.ENVIRONMENT;
import static io.opsflow.partnercenter.PartnerCenterContracts.JSON_UTF8;
import static io.opsflow.partnercenter.PartnerCenterContracts.REFRESH_VARIABLE;
import static io.opsflow.partnercenter.PartnerCenterContracts.SECRET_VARIABLE;
import static io.opsflow.partnercenter.PartnerCenterContracts.TOKEN_PATH;
import static io.opsflow.partnercenter.PartnerCenterContracts.json;
import static io.opsflow.partnercenter.PartnerCenterContracts.partnerCenter;
import static io.opsflow.partnercenter.PartnerCenterContracts.stubToken;
import static io.opsflow.partnercenter.PartnerCenterOperationsTest.CART_ID;
import static io.opsflow.partnercenter.PartnerCenterOperationsTest.CARTS;
import static io.opsflow.partnercenter.PartnerCenterOperationsTest.ORDERING;
import static io.opsflow.partnercenter.PartnerCenterOperationsTest.SUBSCRIPTIONS;
import static io.opsflow.partnercenter.PartnerCenterOperationsTest.SUBSCRIPTION_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/** What fails at once (refusals, configuration) and what is waited out or retried (429, 5xx, a stale token). */
class PartnerCenterFailureTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualTime time = new VirtualTime();
    private final PartnerCenter partnerCenter = partnerCenter(wireMock, time, ENVIRONMENT);

    @Test
    void a429IsWaitedOutForItsRetryAfterThenTheCallSucceeds() {
        stubToken(wireMock);
        scenario(wireMock, () -> get(urlPathEqualTo(SUBSCRIPTIONS)),
                aResponse().withStatus(429).withHeader("Content-Type", "application/json").withHeader("Retry-After", "57")
                        .withBody(json("error-and-throttling.exchanges.json", "/exchanges/1/response/body")),
                okJson("{\"totalCount\":0,\"items\":[]}"));

        assertThat(partnerCenter.azureSubscriptions(CUSTOMER)).isEmpty();

        assertThat(time.waits()).contains(Duration.ofSeconds(57));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)));
    }

    @Test
    void mcaAcceptanceMissingIsRejectedAtOnceWithItsCodeAndDescription() {
        stubToken(wireMock);
        wireMock.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson("{\"totalCount\":0,\"items\":[]}")));
        wireMock.stubFor(get(urlPathMatching("/v1/products.*")).willReturn(okJson(
                json("catalog-and-agreement-metadata.exchanges.json", "/exchanges/2/response/body"))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(
                json("catalog-and-agreement-metadata.exchanges.json", "/exchanges/0/response/body"))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus")).willReturn(okJson(
                json("catalog-and-agreement-metadata.exchanges.json", "/exchanges/1/response/body"))));
        wireMock.stubFor(post(urlPathEqualTo(CARTS)).willReturn(created(
                json(ORDERING, "/exchanges/0/response/body"))));
        wireMock.stubFor(post(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", JSON_UTF8).withBody(json("error-and-throttling.exchanges.json", "/exchanges/0/response/body"))));

        PartnerCenterRejectedException rejected = catchThrowableOfType(PartnerCenterRejectedException.class,
                () -> partnerCenter.orderAzurePlan(CUSTOMER, "JP", UUID.randomUUID()));

        assertThat(rejected.status()).isEqualTo(403);
        assertThat(rejected.code()).isEqualTo("13605");
        assertThat(rejected.getMessage()).contains("13605", "Microsoft Customer Agreement must be provided");
        assertThat(PermanentFault.isPermanent(rejected)).isTrue();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout")));
    }

    @Test
    void aRefusedAudienceOnTheTokenIsAConfigurationErrorNamingTheVariableNeverTheSecret() {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", JSON_UTF8)
                .withBody("{\"code\":\"900420\",\"description\":\"The audience of the token is not accepted\"}")));

        PartnerCenterConfigurationException failure = catchThrowableOfType(PartnerCenterConfigurationException.class,
                () -> partnerCenter.domainAvailable("acme"));

        assertThat(failure.code()).isEqualTo("900420");
        assertThat(failure.getMessage()).contains("900420", REFRESH_VARIABLE)
                .doesNotContain("<refresh token from Key Vault>", "<app secret>");
        assertThat(PermanentFault.isPermanent(failure)).isTrue();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/v1/.*")));
    }

    @Test
    void anExpiredRefreshTokenOrAWrongSecretNameTheVariableToRenew() {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_UTF8)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: The refresh token has expired.\\r\\nTrace ID: x\","
                        + "\"error_codes\":[700082]}")));
        assertThatThrownBy(() -> partnerCenter.azureSubscriptions(CUSTOMER)).isInstanceOf(PartnerCenterConfigurationException.class)
                .hasMessageContaining(REFRESH_VARIABLE).hasMessageContaining("AADSTS700082").hasMessageNotContaining("Trace ID");

        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", JSON_UTF8)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
        assertThatThrownBy(() -> partnerCenter.azureSubscriptions(CUSTOMER)).isInstanceOf(PartnerCenterConfigurationException.class)
                .hasMessageContaining(SECRET_VARIABLE);
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void anUnsetVariableFailsBeforeAnythingIsSent() {
        PartnerCenter unconfigured = partnerCenter(wireMock, time, Map.of(SECRET_VARIABLE, "<app secret>"));

        assertThatThrownBy(() -> unconfigured.domainAvailable("acme")).isInstanceOf(PartnerCenterConfigurationException.class)
                .hasMessageContaining("environment variable " + REFRESH_VARIABLE + " is not set");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedCachedTokenIsRenewedOnceAndTheCallRetried() {
        stubToken(wireMock);
        scenario(wireMock, () -> get(urlPathEqualTo(SUBSCRIPTIONS)),
                aResponse().withStatus(401).withHeader("Content-Type", JSON_UTF8).withBody("{\"code\":\"401\",\"description\":\"Unauthorized\"}"),
                okJson(json(SUBSCRIPTION_FILE, "/exchanges/0/response/body")));
        wireMock.stubFor(get(urlPathMatching(SUBSCRIPTIONS + "/.*/azureEntitlements")).willReturn(okJson(
                json(SUBSCRIPTION_FILE, "/exchanges/1/response/body"))));

        assertThat(partnerCenter.azureSubscriptions(CUSTOMER)).hasSize(1);

        wireMock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void fiveHundredsUntilTheAttemptsRunOutLeaveTheJobToItsRetryCycle() {
        stubToken(wireMock);
        wireMock.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(503)));

        PartnerCenterUnavailableException failure = catchThrowableOfType(PartnerCenterUnavailableException.class,
                () -> partnerCenter.createCustomer(acme("ACME"), UUID.randomUUID()));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(PermanentFault.isPermanent(failure)).isFalse();
        wireMock.verify(3, postRequestedFor(urlPathEqualTo("/v1/customers")));
    }

}
