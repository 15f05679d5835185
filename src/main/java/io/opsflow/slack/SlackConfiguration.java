package io.opsflow.slack;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.OutboundClient;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    /**
     * Always created: webhook URLs are looked up per customer at each call, so a missing one fails
     * only the notification (and its job) that needs it.
     */
    @Bean
    SlackNotifier slackNotifier(WebClient.Builder webClientBuilder, SlackProperties properties) {
        return new WebhookSlackNotifier(new OutboundClient(webClientBuilder, properties), System::getenv);
    }
}
