package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

class WebhookPropertiesTest {

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Config {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theSecretsComeFromTheDocumentedEnvironmentVariables() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "OPSFLOW_WEBHOOK_SERVICENOW_SECRET", "sn-s3cret",
                                "OPSFLOW_WEBHOOK_AZURE_MONITOR_JWKS_BASE_URL", "https://login.microsoftonline.us",
                                "OPSFLOW_WEBHOOK_AZURE_MONITOR_REQUIRED_ROLE", "",
                                "OPSFLOW_WEBHOOK_ZABBIX_TIME_ZONE", "Asia/Tokyo"))))
                .run(context -> {
                    WebhookProperties properties = context.getBean(WebhookProperties.class);
                    assertThat(properties.servicenow().secret()).isEqualTo("sn-s3cret");
                    assertThat(properties.azureMonitor().jwksBaseUrl()).hasToString("https://login.microsoftonline.us");
                    assertThat(properties.azureMonitor().requiredRole()).isEmpty();
                    assertThat(properties.zabbix().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
                    assertThat(properties.toString()).doesNotContain("s3cret").contains("secret=<set>");
                });
    }

    @Test
    void defaultsAreNoSecrets256KiBAndUtc() {
        runner.run(context -> {
            WebhookProperties properties = context.getBean(WebhookProperties.class);
            assertThat(properties.servicenow().secret()).isNull();
            assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
            assertThat(properties.maxBodySize().toBytes()).isEqualTo(262_144);
            assertThat(properties.zabbix().timeZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(properties.azureMonitor().jwksBaseUrl()).hasToString("https://login.microsoftonline.com");
            assertThat(properties.azureMonitor().issuers()).containsExactly("https://sts.windows.net/{tenant}/",
                    "https://login.microsoftonline.com/{tenant}/v2.0");
            assertThat(properties.azureMonitor().requiredRole()).isEqualTo("ActionGroupsSecureWebhook");
            assertThat(properties.toString()).contains("secret=<none>");
        });
    }
}
