package io.opsflow.circleci;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

@Configuration(proxyBeanMethods = false)
class CircleCiConfiguration {

    /** Always created; a missing token fails only the call that needs it. Sandbox mode brings its own endpoint. */
    @Bean
    HttpCircleCi circleCi(WebClient.Builder webClientBuilder, CircleCiProperties properties,
            ObjectProvider<CircleCiEndpoint> endpoints, ObjectProvider<DestinationStore> store) {
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), DestinationGoneListener.NONE);
        return HttpCircleCi.of(outbound, endpoints.getIfAvailable(() -> environment(properties)), properties);
    }

    /** The configured API with the token from the environment variable {@code opsflow.circleci.token-env} names. */
    static CircleCiEndpoint environment(CircleCiProperties properties) {
        String apiUrl = properties.apiUrl().replaceAll("/+$", "");
        return CircleCiEndpoint.of(() -> apiUrl, () -> {
            String token = System.getenv(properties.tokenEnv());
            if (token == null || token.isBlank()) {
                throw new CircleCiException("CircleCI token missing: set the environment variable " + properties.tokenEnv(), 401, true, null);
            }
            return token;
        });
    }
}
