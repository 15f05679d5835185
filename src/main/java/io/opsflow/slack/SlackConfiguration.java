package io.opsflow.slack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    /**
     * Always created: webhook URLs are looked up per customer at each call, so a missing one fails
     * only the notification (and its job) that needs it. The webhooks' holds and gone marks are kept
     * in the application's {@link DestinationStore} (the shared database) when there is one.
     */
    @Bean
    SlackNotifier slackNotifier(WebClient.Builder webClientBuilder, SlackProperties properties,
            ObjectProvider<DestinationStore> store, ObjectProvider<DestinationGoneListener> goneListener) {
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), goneListener.getIfAvailable(() -> DestinationGoneListener.NONE));
        return new WebhookSlackNotifier(outbound, System::getenv);
    }
}
