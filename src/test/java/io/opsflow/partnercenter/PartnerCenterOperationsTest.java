package io.opsflow.partnercenter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.partnercenter.PartnerCenterContracts.CUSTOMER;
import static io.opsflow.partnercenter.PartnerCenterContracts.acme;
import static io.opsflow.partnercenter.PartnerCenterContracts.created;
import static io.opsflow.partnercenter.PartnerCenterContracts.error;
import static io.opsflow.partnercenter.PartnerCenterContracts.scenario;
import static io.opsflow.partnercenter.PartnerCenterContracts.ENVIRONMENT;
import static io.opsflow.partnercenter.PartnerCenterContracts.JSON_UTF8;
import static io.opsflow.partnercenter.PartnerCenterContracts.TOKEN_PATH;
import static io.opsflow.partnercenter.PartnerCenterContracts.exchange;
import static io.opsflow.partnercenter.PartnerCenterContracts.json;
import static io.opsflow.partnercenter.PartnerCenterContracts.partnerCenter;
import static io.opsflow.partnercenter.PartnerCenterContracts.stubToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.opsflow.outbound.VirtualTime;

/** Each operation against WireMock speaking the contract examples: the request sent, the answer parsed. */
class PartnerCenterOperationsTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String CUSTOMERS = "/v1/customers";
    static final String SUBSCRIPTIONS = CUSTOMERS + "/" + CUSTOMER + "/subscriptions";
    static final String PLAN = "3b7e9c1d-2f4a-4b6c-8d0e-1f2a3b4c5d6e";
    static final String CARTS = CUSTOMERS + "/" + CUSTOMER + "/carts";
    static final String CART_ID = "b4c8fdea-5a6b-4c7d-8e9f-0a1b2c3d4e61";
    static final String CATALOG = "catalog-and-agreement-metadata.exchanges.json";
    static final String ORDERING = "azure-plan-cart-checkout.exchanges.json";
    static final String SUBSCRIPTION_FILE = "customer-subscriptions-and-azure-entitlements.exchanges.json";

    private final VirtualTime time = new VirtualTime();
    private final PartnerCenter partnerCenter = partnerCenter(wireMock, time, ENVIRONMENT);

    @BeforeEach
    void token() {
        stubToken(wireMock);
    }

    @Test
    void theTokenIsAskedForOnceWithTheContractsFormAndKeptUntilShortlyBeforeItExpires() {
        wireMock.stubFor(head(urlPathEqualTo("/v1/domains/acme.onmicrosoft.com")).willReturn(aResponse().withStatus(200)));

        partnerCenter.domainAvailable("acme");
        partnerCenter.domainAvailable("acme");

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo(exchange("token-app-user-refresh.exchange.json").at("/request/body").asText())));
        // expires_on 1795999200 is 2026-11-29T18:40Z; renewed five minutes before.
        time.advance(Duration.between(time.now(), Instant.ofEpochSecond(1795999200 - 299)));
        partnerCenter.domainAvailable("acme");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void theDomainCheckIsAHeadWhere200IsTakenAnd404IsFree() {
        wireMock.stubFor(head(urlPathEqualTo("/v1/domains/acme.onmicrosoft.com")).willReturn(aResponse().withStatus(200)));
        wireMock.stubFor(head(urlPathEqualTo("/v1/domains/acmecorpjp.onmicrosoft.com")).willReturn(aResponse().withStatus(404)));

        assertThat(partnerCenter.domainAvailable("acme")).isFalse();
        assertThat(partnerCenter.domainAvailable("acmecorpjp")).isTrue();

        wireMock.verify(headRequestedFor(urlPathEqualTo("/v1/domains/acmecorpjp.onmicrosoft.com"))
                .withHeader("Authorization", equalTo("Bearer <access token>"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("MS-RequestId", matching(UUID_PATTERN))
                .withHeader("MS-CorrelationId", matching(UUID_PATTERN))
                .withHeader("X-Locale", equalTo("ja-JP")));
    }

    @Test
    void customerByDomainFiltersOnTheDomainAndKeepsOnlyTheExactOne() {
        String acme = json("customer-get.exchange.json", "/response/body");
        String other = acme.replace("acmecorpjp.onmicrosoft.com", "acmecorpjp2.onmicrosoft.com");
        wireMock.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(okJson("{\"totalCount\":2,\"items\":[" + other + "," + acme
                + "],\"attributes\":{\"objectType\":\"Collection\"}}")));

        Optional<PartnerCustomer> found = partnerCenter.customerByDomain("acmecorpjp");

        assertThat(found).contains(new PartnerCustomer(CUSTOMER, "acmecorpjp.onmicrosoft.com", "ACME Corporation"));
        wireMock.verify(getRequestedFor(urlPathEqualTo(CUSTOMERS)).withQueryParam("filter",
                equalToJson("{\"Field\":\"Domain\",\"Value\":\"acmecorpjp.onmicrosoft.com\",\"Operator\":\"starts_with\"}")));
        assertThat(partnerCenter.customerByDomain("acmecorp")).isEmpty();
    }

    @Test
    void createCustomerPostsTheDocumentedBodyAndReusesTheRequestIdAfterA503() {
        UUID requestId = UUID.fromString("94e4e214-2c3d-4e5f-8a9b-0c1d2e3f4a51");
        scenario(wireMock, () -> post(urlPathEqualTo(CUSTOMERS)), aResponse().withStatus(503),
                aResponse().withStatus(201).withHeader("Content-Type", JSON_UTF8)
                        .withBody(json("customer-create.exchange.json", "/response/body")));

        PartnerCustomer created = partnerCenter.createCustomer(acme("ACME Corporation"), requestId);

        assertThat(created).isEqualTo(new PartnerCustomer(CUSTOMER, "acmecorpjp.onmicrosoft.com", "ACME Corporation"));
        RequestPatternBuilder sent = postRequestedFor(urlPathEqualTo(CUSTOMERS))
                .withHeader("Authorization", equalTo("Bearer <access token>"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("MS-RequestId", equalTo(requestId.toString()))
                .withHeader("MS-CorrelationId", equalTo(HttpPartnerCenter.correlation(requestId).toString()))
                .withHeader("X-Locale", equalTo("ja-JP"))
                .withRequestBody(equalToJson(json("customer-create.exchange.json", "/request/body")));
        wireMock.verify(2, sent);
        assertThat(created.toString()).doesNotContain("one-time password");
    }

    @Test
    void aJapaneseCompanyNameRoundTrips() {
        String answer = json("customer-create.exchange.json", "/response/body").replace("ACME Corporation", "株式会社アクメ");
        wireMock.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON_UTF8).withBody(answer)));

        PartnerCustomer created = partnerCenter.createCustomer(acme("株式会社アクメ"), UUID.randomUUID());

        assertThat(created.companyName()).isEqualTo("株式会社アクメ");
        wireMock.verify(postRequestedFor(urlPathEqualTo(CUSTOMERS))
                .withRequestBody(equalToJson(json("customer-create.exchange.json", "/request/body")
                        .replace("ACME Corporation", "株式会社アクメ"))));
    }

    @Test
    void theAgreementIsConfirmedWithTheCurrentMcaTemplate() {
        UUID requestId = UUID.fromString("5d8f2a1c-4f5a-4b6c-9d7e-8f9a0b1c2d31");
        wireMock.stubFor(get(urlPathEqualTo("/v1/agreements")).willReturn(okJson(json(CATALOG, "/exchanges/3/response/body"))));
        wireMock.stubFor(post(urlPathEqualTo(CUSTOMERS + "/" + CUSTOMER + "/agreements")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(json("customer-agreement-confirm.exchange.json", "/response/body"))));

        partnerCenter.confirmCustomerAgreement(CUSTOMER, new AgreementAcceptance("Hanako", "Sato", "it-admin@acme.example",
                "0312345678", LocalDate.of(2026, 11, 20)), requestId);

        wireMock.verify(getRequestedFor(urlPathEqualTo("/v1/agreements"))
                .withQueryParam("agreementType", equalTo("MicrosoftCustomerAgreement")));
        wireMock.verify(postRequestedFor(urlPathEqualTo(CUSTOMERS + "/" + CUSTOMER + "/agreements"))
                .withHeader("MS-RequestId", equalTo(requestId.toString()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json("customer-agreement-confirm.exchange.json", "/request/body")
                        .replace("<templateId from the Microsoft Customer Agreement metadata>", "117a77b0-9360-443b-8795-c6dedc750cf9"))));
    }

    @Test
    void theAzurePlanIsLookedUpInTheCatalogueCartedAndCheckedOut() {
        UUID requestId = UUID.fromString("4fa6dad6-5a6b-4c7d-8e9f-0a1b2c3d4e62");
        stubNoSubscriptions();
        stubCatalogue();
        wireMock.stubFor(post(urlPathEqualTo(CARTS)).willReturn(created(json(ORDERING, "/exchanges/0/response/body"))));
        wireMock.stubFor(post(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout"))
                .willReturn(created(json(ORDERING, "/exchanges/1/response/body"))));

        AzurePlanOrder order = partnerCenter.orderAzurePlan(CUSTOMER, "JP", requestId);

        assertThat(order).isEqualTo(new AzurePlanOrder("3c6f2530-6b7c-4d8e-9f0a-1b2c3d4e5f71", AzurePlanOrder.Status.PENDING, false));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v1/products")).withQueryParam("country", equalTo("JP"))
                .withQueryParam("targetView", equalTo("Azure")));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus")).withQueryParam("country", equalTo("JP")));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus/0001/availabilities"))
                .withQueryParam("country", equalTo("JP")));
        wireMock.verify(postRequestedFor(urlPathEqualTo(CARTS))
                .withHeader("MS-RequestId", equalTo(requestId.toString()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json(ORDERING, "/exchanges/0/request/body")
                        .replace("<billing cycle supported by the availability - not found in docs>", "one_time"))));
        wireMock.verify(postRequestedFor(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout"))
                .withHeader("MS-RequestId", equalTo(HttpPartnerCenter.derived(requestId, "checkout").toString()))
                .withHeader("MS-CorrelationId", equalTo(HttpPartnerCenter.correlation(requestId).toString()))
                .withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void anExistingAzurePlanIsReturnedWithoutOrdering() {
        wireMock.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson(json(SUBSCRIPTION_FILE, "/exchanges/0/response/body"))));

        AzurePlanOrder order = partnerCenter.orderAzurePlan(CUSTOMER, "JP", UUID.randomUUID());

        assertThat(order).isEqualTo(new AzurePlanOrder("3c6f2530-6b7c-4d8e-9f0a-1b2c3d4e5f71", AzurePlanOrder.Status.COMPLETED, true));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(CARTS)));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/v1/products")));
    }

    @Test
    void aVanishedAvailabilityIsReadAgainOnceAndABusyCheckoutIsRetried() {
        UUID requestId = UUID.randomUUID();
        stubNoSubscriptions();
        stubCatalogue();
        scenario(wireMock, () -> post(urlPathEqualTo(CARTS)), error(400, "400019", "Catalog availability not found"),
                created(json(ORDERING, "/exchanges/0/response/body")));
        scenario(wireMock, () -> post(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout")),
                error(409, "800064", "The cart is being processed by another request"),
                created(json(ORDERING, "/exchanges/1/response/body")));

        AzurePlanOrder order = partnerCenter.orderAzurePlan(CUSTOMER, "JP", requestId);

        assertThat(order.orderId()).isEqualTo("3c6f2530-6b7c-4d8e-9f0a-1b2c3d4e5f71");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus/0001/availabilities")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(CARTS)).withHeader("MS-RequestId", equalTo(requestId.toString())));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(CARTS + "/" + CART_ID + "/checkout"))
                .withHeader("MS-RequestId", equalTo(HttpPartnerCenter.derived(requestId, "checkout").toString())));
    }

    @Test
    void azureSubscriptionsAreTheEntitlementsOfTheAzurePlan() {
        wireMock.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson(json(SUBSCRIPTION_FILE, "/exchanges/0/response/body"))));
        wireMock.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS + "/" + PLAN + "/azureEntitlements"))
                .willReturn(okJson(json(SUBSCRIPTION_FILE, "/exchanges/1/response/body"))));

        List<AzureEntitlement> entitlements = partnerCenter.azureSubscriptions(CUSTOMER);

        assertThat(entitlements).containsExactly(new AzureEntitlement("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                "Microsoft Azure", AzureEntitlement.Status.ACTIVE));
        wireMock.verify(getRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + PLAN + "/azureEntitlements"))
                .withHeader("Authorization", equalTo("Bearer <access token>"))
                .withHeader("X-Locale", equalTo("ja-JP"))
                .withHeader("Content-Type", absent()));
    }

    private void stubNoSubscriptions() {
        wireMock.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson("{\"totalCount\":0,\"items\":[]}")));
    }

    private void stubCatalogue() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(json(CATALOG, "/exchanges/0/response/body"))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus")).willReturn(okJson(json(CATALOG, "/exchanges/1/response/body"))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/products/DZH318Z0BPS6/skus/0001/availabilities"))
                .willReturn(okJson(json(CATALOG, "/exchanges/2/response/body"))));
    }
}
