package io.opsflow.azure;

/**
 * Where ARM requests go, asked once per request: in production the cloud's Resource Manager; in
 * sandbox mode the application itself, whose port is known only after it has started.
 */
@FunctionalInterface
public interface AzureEndpoint {

    /** Base URL without a trailing slash, e.g. {@code https://management.azure.com}. */
    String resourceManagerEndpoint();
}
