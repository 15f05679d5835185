package io.opsflow.customerintake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.azure.AzureProperties;

/**
 * The Azure Lighthouse offer the intake delegates with, as configured; sandbox mode puts a demo offer
 * first ({@code @Primary}) so that an intake runs end to end on a fresh clone.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** The configured offer; its MSP tenant defaults to the tenant of the MSP's app ({@code opsflow.azure.msp.tenant-id}). */
    @Bean
    IntakeProperties.Lighthouse lighthouseOffer(IntakeProperties properties, AzureProperties azure) {
        IntakeProperties.Lighthouse offer = properties.lighthouse();
        if (offer.managedByTenantId() != null && !offer.managedByTenantId().isBlank()) {
            return offer;
        }
        return new IntakeProperties.Lighthouse(azure.msp().tenantId(), offer.appObjectId(), offer.appIdentifierUri(),
                offer.offerName(), offer.authorizations());
    }
}
