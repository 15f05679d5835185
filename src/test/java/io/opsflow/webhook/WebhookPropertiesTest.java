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
                                "OPSFLOW_WEBHOOK_AZURE_MONITOR_TOKEN", "az-s3cret",
                                "OPSFLOW_WEBHOOK_ZABBIX_TOKEN", "zbx-s3cret",
                                "OPSFLOW_WEBHOOK_ZABBIX_TIME_ZONE", "Asia/Tokyo"))))
                .run(context -> {
                    WebhookProperties properties = context.getBean(WebhookProperties.class);
                    assertThat(properties.servicenow().secret()).isEqualTo("sn-s3cret");
                    assertThat(properties.azureMonitor().token()).isEqualTo("az-s3cret");
                    assertThat(properties.zabbix().token()).isEqualTo("zbx-s3cret");
                    assertThat(properties.zabbix().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
                    assertThat(properties.toString()).doesNotContain("s3cret").contains("secret=<set>", "token=<set>");
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
            assertThat(properties.toString()).contains("secret=<none>");
        });
    }
}
