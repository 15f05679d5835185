package io.opsflow.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of opsflow's own HTTP API ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}): {@code /api/**} with HTTP Basic, and the webhooks, which check their own
 * signatures or tokens. Camunda's {@code /engine-rest} is described by Camunda.
 */
@Configuration
class OpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI opsflowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("opsflow API").version("1")
                        .description("Customer registry (administrators), monthly reports (managers of the customer, "
                                + "administrators) and the webhooks of Azure Monitor, Zabbix and ServiceNow. Errors are "
                                + "application/problem+json whose detail names the problem."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
