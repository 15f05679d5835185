package io.opsflow.servicenow;

/**
 * Where the ServiceNow instance is, asked at every request: the sandbox simulator learns its port
 * only after the application has started.
 */
@FunctionalInterface
public interface ServiceNowEndpoint {

    /** The instance's base URL without a trailing slash, e.g. {@code https://contosomsp.service-now.com}. */
    String baseUrl();
}
