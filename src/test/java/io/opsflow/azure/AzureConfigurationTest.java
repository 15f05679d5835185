package io.opsflow.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.opsflow.customer.Customer;

/** The seams: production beans only when a ServiceNow base URL is configured; the ARM client always. */
class AzureConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AzureProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, AzureConfiguration.class);

    @Test
    void productionModeUsesThePublicCloudByDefault() {
        runner.withPropertyValues("opsflow.servicenow.base-url=https://contosomsp.service-now.com").run(context -> {
            assertThat(context.getBean(AzureEndpoint.class).resourceManagerEndpoint()).isEqualTo("https://management.azure.com");
            assertThat(context).hasSingleBean(CustomerCredentials.class).hasSingleBean(AutomationJobs.class)
                    .hasSingleBean(SupportTickets.class).hasSingleBean(SupportCommunications.class)
                    .hasSingleBean(SupportCatalog.class).hasSingleBean(MonitorAlertRules.class).hasSingleBean(AzureResources.class);
            AzureProperties properties = context.getBean(AzureProperties.class);
            assertThat(properties.effectiveAuthorityHost()).isEqualTo("https://login.microsoftonline.com");
            assertThat(properties.retry().maxRetries()).isEqualTo(3);
            assertThat(properties.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void aSovereignCloudOrExplicitEndpointsAreHonoured() {
        runner.withPropertyValues("opsflow.servicenow.base-url=https://x", "opsflow.azure.cloud=AZURE_CHINA").run(context -> {
            assertThat(context.getBean(AzureEndpoint.class).resourceManagerEndpoint()).isEqualTo("https://management.chinacloudapi.cn");
            assertThat(context.getBean(AzureProperties.class).effectiveAuthorityHost()).isEqualTo("https://login.chinacloudapi.cn");
        });
        runner.withPropertyValues("opsflow.servicenow.base-url=https://x", "opsflow.azure.cloud=AZURE_US_GOVERNMENT",
                "opsflow.azure.resource-manager-endpoint=https://arm.example/", "opsflow.azure.authority-host=https://login.example/")
                .run(context -> {
                    assertThat(context.getBean(AzureEndpoint.class).resourceManagerEndpoint()).isEqualTo("https://arm.example");
                    assertThat(context.getBean(AzureProperties.class).effectiveAuthorityHost()).isEqualTo("https://login.example");
                });
    }

    @Test
    void withoutServiceNowTheSandboxSuppliesEndpointAndAuthentication() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(AzureEndpoint.class).doesNotHaveBean(ArmAuthentication.class)
                    .hasSingleBean(ArmClient.class).hasSingleBean(AutomationJobs.class);
            Customer acme = new Customer("acme", "ACME", "ja", new Customer.Azure("t", List.of(), null, null),
                    null, null, null, null, null);
            assertThatThrownBy(() -> context.getBean(ArmClient.class).send(acme, ArmRequest.get("/subscriptions/s", "2025-04-01")))
                    .hasMessageContaining("sandbox mode");
        });
    }

    @Test
    void anEmptyServiceNowUrlIsSandboxModeNotAProductionEndpointWithoutHost() {
        runner.withPropertyValues("opsflow.servicenow.base-url=").run(context ->
                assertThat(context).doesNotHaveBean(AzureEndpoint.class).doesNotHaveBean(ArmAuthentication.class));
    }
}
