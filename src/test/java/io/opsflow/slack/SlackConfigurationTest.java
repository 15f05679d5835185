package io.opsflow.slack;

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

/** The bean without the whole application: always there, properties bound with their defaults. */
class SlackConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
                    WebClientAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class, SlackConfiguration.class);

    @Test
    void theNotifierExistsWithDefaultsAndRelaxedOverrides() {
        runner.withPropertyValues("opsflow.slack.read-timeout=3s", "opsflow.slack.retry.max-attempts=5")
                .run(context -> {
                    assertThat(context).hasSingleBean(SlackNotifier.class);
                    SlackProperties properties = context.getBean(SlackProperties.class);
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.retry()).isEqualTo(new SlackProperties.Retry(5, Duration.ofSeconds(1),
                            Duration.ofSeconds(2), Duration.ofSeconds(30)));
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlackProperties.class)
    static class PropertiesConfiguration {
    }
}
