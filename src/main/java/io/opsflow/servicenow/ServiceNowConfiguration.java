package io.opsflow.servicenow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

@Configuration(proxyBeanMethods = false)
class ServiceNowConfiguration {

    /** The configured instance; without {@code opsflow.servicenow.base-url} sandbox mode brings its own. */
    @Bean
    @ConditionalOnServiceNowInstance
    ServiceNowEndpoint serviceNowEndpoint(ServiceNowProperties properties) {
        return properties::baseUrl;
    }

    /**
     * Always created, so the application starts without ServiceNow configured; the endpoint is
     * looked up at each request and its absence fails only the call (and its job) that needs it.
     */
    @Bean
    ServiceNowClient serviceNowClient(WebClient.Builder webClientBuilder, ServiceNowProperties properties,
            ObjectProvider<ServiceNowEndpoint> endpoints, ObjectProvider<DestinationStore> store) {
        // The instance's 429 holds are kept in the shared database, so every node waits them out.
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), DestinationGoneListener.NONE);
        return new TableApiServiceNowClient(outbound, properties, () -> {
            ServiceNowEndpoint endpoint = endpoints.getIfAvailable();
            if (endpoint == null) {
                throw new IllegalStateException(
                        "ServiceNow is not configured: set OPSFLOW_SERVICENOW_BASE_URL or run in sandbox mode");
            }
            return endpoint.baseUrl();
        });
    }
}
