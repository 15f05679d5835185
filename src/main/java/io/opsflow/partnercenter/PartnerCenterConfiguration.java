package io.opsflow.partnercenter;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/**
 * Wires the Partner Center adapter. Without a partner tenant (and outside sandbox mode) there is no
 * {@link PartnerCenter} bean, and the customer intake hands the tenant and Azure plan to an operator.
 */
@Configuration(proxyBeanMethods = false)
class PartnerCenterConfiguration {

    @Bean
    @Conditional(PartnerCenterConditions.Cloud.class)
    PartnerCenterEndpoint cloudPartnerCenterEndpoint(PartnerCenterProperties properties) {
        return new PartnerCenterEndpoint() {
            @Override
            public String baseUrl() {
                return properties.baseUrl();
            }

            @Override
            public String authority() {
                return properties.authority();
            }
        };
    }

    /** The endpoint is looked up per request: in sandbox mode it is known only once the web server runs. */
    @Bean
    @Conditional(PartnerCenterConditions.Available.class)
    PartnerCenter partnerCenter(WebClient.Builder webClientBuilder, PartnerCenterProperties properties,
            ObjectProvider<PartnerCenterEndpoint> endpoints, ObjectProvider<DestinationStore> store) {
        // 429 holds are kept in the shared database, so every node waits them out.
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), DestinationGoneListener.NONE);
        return create(outbound, StringUtils.hasText(properties.partnerTenantId()) ? properties : properties.forSandbox(),
                endpoints::getObject, Timing.SYSTEM);
    }

    static HttpPartnerCenter create(OutboundClient outbound, PartnerCenterProperties properties,
            Supplier<PartnerCenterEndpoint> endpoint, Timing timing) {
        PartnerCenterToken token = new PartnerCenterToken(outbound, properties, endpoint, timing);
        return new HttpPartnerCenter(new PartnerCenterApi(outbound, token, endpoint, properties.locale()), properties);
    }
}
