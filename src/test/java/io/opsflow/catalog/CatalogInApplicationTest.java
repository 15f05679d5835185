package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;

/** The catalog is a bean of the running application, read from the jar's processes/ (the default location). */
@OpsflowSpringTest
class CatalogInApplicationTest {

    @Autowired
    CatalogDefinitions definitions;

    @Autowired
    RequestValidation validation;

    @Test
    void theShippedItemsAreLoadedAndRequestsValidate() {
        assertThat(definitions.all()).hasSameSizeAs(CatalogDefinitionsTest.SHIPPED.all());
        assertThat(validation.validate(null, "Start VM", Map.of("subscription_id", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                "resource_group", "rg-demo", "vm_name", "vm-demo-web01")))
                .isInstanceOfSatisfying(RequestValidation.Valid.class,
                        v -> assertThat(v.parameters()).containsEntry("VMName", "vm-demo-web01"));
    }
}
