package io.opsflow.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The bean without the whole application: in production only with a partner tenant (the intake
 * otherwise hands the step to an operator); in sandbox mode always, pointed at the simulator.
 */
class PartnerCenterConfigurationTest {

    private static final String PRODUCTION = "opsflow.servicenow.base-url=https://contosomsp.service-now.com";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
                    WebClientAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class, PartnerCenterConfiguration.class);

    @Test
    void inProductionWithoutAPartnerTenantThereIsNoPartnerCenter() {
        runner.withPropertyValues(PRODUCTION, PartnerCenterProperties.PARTNER_TENANT_ID + "=")
                .run(context -> assertThat(context).doesNotHaveBean(PartnerCenter.class)
                        .doesNotHaveBean(PartnerCenterEndpoint.class));
    }

    @Test
    void inProductionWithAPartnerTenantItCallsTheConfiguredUrlsWithTheDefaults() {
        runner.withPropertyValues(PRODUCTION, PartnerCenterProperties.PARTNER_TENANT_ID + "=7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d",
                "opsflow.partner-center.client-id=app").run(context -> {
                    assertThat(context).hasSingleBean(PartnerCenter.class);
                    PartnerCenterEndpoint endpoint = context.getBean(PartnerCenterEndpoint.class);
                    assertThat(endpoint.baseUrl()).isEqualTo("https://api.partnercenter.microsoft.com");
                    assertThat(endpoint.authority()).isEqualTo("https://login.microsoftonline.com");
                    PartnerCenterProperties properties = context.getBean(PartnerCenterProperties.class);
                    assertThat(properties.clientSecretVariable()).isEqualTo("OPSFLOW_PARTNER_CENTER_CLIENT_SECRET");
                    assertThat(properties.refreshTokenVariable()).isEqualTo("OPSFLOW_PARTNER_CENTER_REFRESH_TOKEN");
                    assertThat(properties.country()).isEqualTo("JP");
                    assertThat(properties.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(90));
                });
    }

    @Test
    void inSandboxModeThereIsAPartnerCenterWhoseEndpointTheSandboxBrings() {
        runner.run(context -> assertThat(context).hasSingleBean(PartnerCenter.class).doesNotHaveBean(PartnerCenterEndpoint.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PartnerCenterProperties.class)
    static class PropertiesConfiguration {
    }
}
