package io.opsflow.servicenow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/**
 * The ServiceNow contract examples (copied from the shared contracts into test resources) and a
 * client pointed at WireMock with short timeouts and back-offs.
 */
final class Contracts {

    static final String SYS_ID = "5f2e8c1a47d0b210a3c9e6f15d8b7a42";
    static final String CORRELATION_ID = "/subscriptions/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f/providers/"
            + "Microsoft.AlertsManagement/alerts/2d9f4c61-7a3e-4b08-95c2-e81f0a6b3d47";
    /** "svc_opsflow:s3cret" */
    static final String BASIC = "Basic c3ZjX29wc2Zsb3c6czNjcmV0";
    static final ServiceNowProperties.Retry FAST_RETRY =
            new ServiceNowProperties.Retry(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    static JsonNode exchange(String file) {
        try (InputStream in = Contracts.class.getResourceAsStream("/contracts/servicenow/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String responseBody(String file) {
        return exchange(file).path("response").path("body").toString();
    }

    static String requestBody(String file) {
        return exchange(file).path("request").path("body").toString();
    }

    static ServiceNowProperties basicAuth(ServiceNowProperties.Retry retry) {
        return new ServiceNowProperties(null, "svc_opsflow", "s3cret", null, Duration.ofSeconds(1),
                Duration.ofMillis(500), retry);
    }

    static ServiceNowClient client(WireMockExtension wireMock, ServiceNowProperties properties) {
        return client(wireMock, properties, Timing.SYSTEM);
    }

    /** With {@link io.opsflow.outbound.VirtualTime}, holds and {@code Retry-After} are recorded instead of waited. */
    static ServiceNowClient client(WireMockExtension wireMock, ServiceNowProperties properties, Timing timing) {
        return new TableApiServiceNowClient(new OutboundClient(WebClient.builder(), properties, timing), properties,
                wireMock::baseUrl);
    }

    static ServiceNowClient client(WireMockExtension wireMock) {
        return client(wireMock, basicAuth(FAST_RETRY));
    }
}
