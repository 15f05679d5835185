package io.opsflow.sandbox;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.opsflow.customerintake.IntakeProperties;

/**
 * A demo Azure Lighthouse offer, so that a customer intake delegates and verifies access against the ARM
 * simulator on a fresh clone. The ids are fictitious (those of the shared contract examples).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxIntakeOffer {

    static final String MSP_TENANT = "7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d";

    @Bean
    @Primary
    IntakeProperties.Lighthouse sandboxLighthouseOffer(IntakeProperties properties) {
        IntakeProperties.Lighthouse configured = properties.lighthouse();
        return new IntakeProperties.Lighthouse(MSP_TENANT,
                "0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f", configured.appIdentifierUri(), "contoso-msp managed services (sandbox)",
                List.of(new IntakeProperties.Authorization("2a4c6e8f-0b1d-4f3a-8c5e-7d9f1b3d5f7a", "contoso-msp Azure Operators",
                                "acdd72a7-3385-48ef-bd42-f606fba81ae7"),
                        new IntakeProperties.Authorization("0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f", "opsflow deploy app",
                                "b24988ac-6180-42a0-ab88-20f7382dd24c")));
    }
}
