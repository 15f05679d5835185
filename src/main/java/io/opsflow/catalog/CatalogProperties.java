package io.opsflow.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service catalog settings.
 *
 * @param itemsLocation where the catalog item definitions are read from (a Spring resource
 *                      pattern; {@code file:./processes/catalog/items/*.yaml} for a working copy)
 */
@ConfigurationProperties("opsflow.catalog")
public record CatalogProperties(
        @DefaultValue(CatalogProperties.DEFAULT_ITEMS_LOCATION) String itemsLocation) {

    /** The definitions shipped in the jar (processes/ is copied into it). */
    public static final String DEFAULT_ITEMS_LOCATION = "classpath*:processes/catalog/items/*.yaml";
}
