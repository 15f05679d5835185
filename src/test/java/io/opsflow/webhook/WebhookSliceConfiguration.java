package io.opsflow.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import io.opsflow.security.SecurityConfigurationForSlices;

/** What a webhook controller slice needs besides the controller: its properties and the real security. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
@Import(SecurityConfigurationForSlices.class)
class WebhookSliceConfiguration {
}
