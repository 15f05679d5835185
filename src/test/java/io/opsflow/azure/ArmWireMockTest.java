package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.customer.Customer;

/**
 * ARM and the Entra token endpoint played by one WireMock server over HTTPS ({@link ArmTestTls}). The adapter
 * is wired as in production: a real {@code ClientSecretCredential} fetches the token from the stub.
 */
abstract class ArmWireMockTest {

    static final String TENANT_ID = "0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f";
    static final String CLIENT_ID = "5c1d7e9f-3a2b-4c6d-8e0f-1a2b3c4d5e6f";
    static final String SECRET_ENV = "ACME_AZURE_CLIENT_SECRET";
    static final String SECRET = "test-only-acme-client-secret";
    static final String ACCESS_TOKEN = "test-access-token-for-acme";
    static final String SUBSCRIPTION = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final String TOKEN_PATH = "/" + TENANT_ID + "/oauth2/v2.0/token";
    /** The MSP's own tenant and app ({@code opsflow.azure.msp}), for customers delegated through Lighthouse. */
    static final String MSP_TENANT = "7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d";
    static final String MSP_CLIENT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance().options(ArmTestTls.httpsOnly()).build();

    static final HttpClient HTTP_CLIENT = ArmTestTls.trustingHttpClient();

    ArmClient arm;
    CustomerCredentials credentials;

    @BeforeEach
    void wireAdapter() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"" + ACCESS_TOKEN + "\"}")));
        AzureProperties properties = properties(new AzureProperties.Retry(2, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(5)));
        AzureEndpoint endpoint = this::baseUrl;
        credentials = new CustomerCredentials(properties, endpoint, HTTP_CLIENT, Map.of(SECRET_ENV, SECRET)::get);
        arm = new ArmClient(endpoint, new ArmPipelines(HTTP_CLIENT, credentials, properties));
    }

    @AfterEach
    void everyRequestWasStubbed() {
        assertThat(wm.findAllUnmatchedRequests()).as("requests no stub answered").isEmpty();
    }

    String baseUrl() {
        return wm.getRuntimeInfo().getHttpsBaseUrl();
    }

    AzureProperties properties(AzureProperties.Retry retry) {
        return new AzureProperties(AzureProperties.Cloud.AZURE, baseUrl(), baseUrl(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), retry, new AzureProperties.Msp(MSP_TENANT, MSP_CLIENT, "OPSFLOW_MSP_AZURE_CLIENT_SECRET"));
    }

    static Customer acme() {
        return new Customer("acme", "ACME Corporation", "ja",
                new Customer.Azure(TENANT_ID, List.of(SUBSCRIPTION),
                        new Customer.AutomationAccount(SUBSCRIPTION, "rg-acme-ops", "aa-acme-ops"),
                        new Customer.Credential("client-secret", CLIENT_ID, SECRET_ENV)),
                null, null, null, null, null);
    }

    /** A file under {@code src/test/resources/contracts/azure/}. */
    static JsonNode contract(String file) {
        try (InputStream in = ArmWireMockTest.class.getResourceAsStream("/contracts/azure/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code index}-th exchange of an {@code *.exchanges.json} file. */
    static JsonNode exchange(String file, int index) {
        return contract(file).path("exchanges").get(index);
    }

    /** A JSON answer with the contract's status and body. */
    static ResponseDefinitionBuilder answer(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    static String json(JsonNode node) {
        return node.toString();
    }
}
