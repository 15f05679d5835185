package io.opsflow.customerintake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Azure Lighthouse offer the intake delegates with, as configured; sandbox mode puts a demo offer
 * first ({@code @Primary}) so that an intake runs end to end on a fresh clone.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    IntakeProperties.Lighthouse lighthouseOffer(IntakeProperties properties) {
        return properties.lighthouse();
    }
}
