package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The beans without the whole application: endpoint from the base URL or from elsewhere, client always. */
class ServiceNowConfigurationTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
                    WebClientAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class, ServiceNowConfiguration.class);

    @Test
    void environmentVariablesBindByRelaxedNamesAndUnsetOnesKeepTheirDefaults() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                        "OPSFLOW_SERVICENOW_BASE_URL", "https://contosomsp.service-now.com",
                        "OPSFLOW_SERVICENOW_USER", "svc_opsflow",
                        "OPSFLOW_SERVICENOW_PASSWORD", "basic-s3cret",
                        "OPSFLOW_SERVICENOW_OAUTH_CLIENTID", "opsflow-client",
                        "OPSFLOW_SERVICENOW_OAUTH_CLIENTSECRET", "oauth-s3cret",
                        "OPSFLOW_SERVICENOW_RETRY_MAXRETRYAFTER", "10s"))))
                .run(context -> {
                    ServiceNowProperties properties = context.getBean(ServiceNowProperties.class);
                    assertThat(properties.user()).isEqualTo("svc_opsflow");
                    assertThat(properties.password()).isEqualTo("basic-s3cret");
                    assertThat(properties.oauth().clientId()).isEqualTo("opsflow-client");
                    assertThat(properties.oauth().clientSecret()).isEqualTo("oauth-s3cret");
                    assertThat(properties.usesOAuth()).isTrue();
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.retry()).isEqualTo(new ServiceNowProperties.Retry(4, Duration.ofSeconds(1),
                            Duration.ofSeconds(4), Duration.ofSeconds(10)));
                    assertThat(context.getBean(ServiceNowEndpoint.class).baseUrl())
                            .isEqualTo("https://contosomsp.service-now.com");
                    assertThat(context).hasSingleBean(ServiceNowClient.class);
                });
    }

    @Test
    void withoutABaseUrlTheClientExistsAndOnlyItsCallsFail() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ServiceNowEndpoint.class).hasSingleBean(ServiceNowClient.class);
            assertThatThrownBy(() -> context.getBean(ServiceNowClient.class).getIncident(SYS_ID))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("OPSFLOW_SERVICENOW_BASE_URL");
        });
    }

    @Test
    void anEndpointBeanFromElsewhereIsAskedAtEachRequest() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/incident/" + SYS_ID))
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));
        runner.withUserConfiguration(LateEndpointConfiguration.class).run(context -> {
            // Like the sandbox simulator: its port is known only after the context has started.
            context.getBean(LateEndpointConfiguration.class).baseUrl.set(wireMock.baseUrl());

            assertThat(context.getBean(ServiceNowClient.class).getIncident(SYS_ID).number()).isEqualTo("INC0010042");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceNowProperties.class)
    static class PropertiesConfiguration {
    }

    @Configuration(proxyBeanMethods = false)
    static class LateEndpointConfiguration {

        final AtomicReference<String> baseUrl = new AtomicReference<>();

        @Bean
        ServiceNowEndpoint lateEndpoint() {
            return baseUrl::get;
        }
    }
}
