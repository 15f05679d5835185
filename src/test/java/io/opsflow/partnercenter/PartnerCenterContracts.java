package io.opsflow.partnercenter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.VirtualTime;

/**
 * The Partner Center contract examples (copied from the shared contracts into test resources) and an
 * adapter pointed at WireMock for both the API and the token endpoint, on virtual time.
 */
final class PartnerCenterContracts {

    static final String PARTNER_TENANT = "7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d";
    static final String CUSTOMER = "a1c2e3f4-5b6d-4e7f-8091-a2b3c4d5e6f7";
    static final String TOKEN_PATH = "/" + PARTNER_TENANT + "/oauth2/token";
    static final String CLIENT_ID = "<app id>";
    static final String SECRET_VARIABLE = "OPSFLOW_PARTNER_CENTER_CLIENT_SECRET";
    static final String REFRESH_VARIABLE = "OPSFLOW_PARTNER_CENTER_REFRESH_TOKEN";
    static final Map<String, String> ENVIRONMENT = Map.of(SECRET_VARIABLE, "<app secret>",
            REFRESH_VARIABLE, "<refresh token from Key Vault>");
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnerCenterContracts() {
    }

    static JsonNode exchange(String file) {
        try (InputStream in = PartnerCenterContracts.class.getResourceAsStream("/contracts/partner-center/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String file, String pointer) {
        return exchange(file).at(pointer).toString();
    }

    static PartnerCenterProperties properties() {
        return new PartnerCenterProperties("unused", "unused", PARTNER_TENANT, CLIENT_ID, SECRET_VARIABLE,
                REFRESH_VARIABLE, "JP", "ja-JP", "one_time", Duration.ofSeconds(1), Duration.ofSeconds(2),
                new PartnerCenterProperties.Retry(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(120)));
    }

    static PartnerCenter partnerCenter(WireMockExtension wireMock, VirtualTime time, Map<String, String> environment) {
        PartnerCenterProperties properties = properties();
        PartnerCenterEndpoint endpoint = new PartnerCenterEndpoint() {
            @Override
            public String baseUrl() {
                return wireMock.baseUrl();
            }

            @Override
            public String authority() {
                return wireMock.baseUrl();
            }

            @Override
            public String secret(String name) {
                return environment.get(name);
            }
        };
        return PartnerCenterConfiguration.create(new OutboundClient(WebClient.builder(), properties, time), properties,
                () -> endpoint, time);
    }

    /** The App+User token answer of the contract. */
    static void stubToken(WireMockExtension wireMock) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON_UTF8)
                .withBody(json("token-app-user-refresh.exchange.json", "/response/body"))));
    }

    static NewPartnerCustomer acme(String companyName) {
        return new NewPartnerCustomer(companyName, "acmecorpjp", "it-admin@acme.example", "ja-JP", "ja",
                new NewPartnerCustomer.Address("Hanako", "Sato", "1-1-1 Marunouchi", "Chiyoda-ku", "Tokyo", "100-0005", "JP",
                        "0312345678"));
    }

    static ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", JSON_UTF8).withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String code, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_UTF8)
                .withBody("{\"code\":\"" + code + "\",\"description\":\"" + description + "\",\"data\":[],\"source\":\"PartnerCenter\"}");
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    static void scenario(WireMockExtension wireMock, Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        String name = UUID.randomUUID().toString();
        wireMock.stubFor(request.get().inScenario(name).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        wireMock.stubFor(request.get().inScenario(name).whenScenarioStateIs("answered").willReturn(then));
    }
}
