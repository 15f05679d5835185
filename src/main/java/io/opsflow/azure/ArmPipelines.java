package io.opsflow.azure;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;

import io.opsflow.customer.Customer;

/**
 * Builds the azure-core pipeline that carries every ARM request of one customer, and keeps it per
 * customer id (rebuilt when the customer's Azure tenant or credential reference changes). Order:
 * user agent, client request id, retry (each try below it runs again), authentication (a fresh token
 * per try), rate-limit log, HTTP log (method, URL with only {@code api-version}, status, ids; no
 * bodies, no Authorization header).
 */
class ArmPipelines {

    static final String USER_AGENT = "opsflow";

    private final HttpClient httpClient;
    private final ArmAuthentication authentication;
    private final AzureProperties properties;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ArmPipelines(HttpClient httpClient, ArmAuthentication authentication, AzureProperties properties) {
        this.httpClient = httpClient;
        this.authentication = authentication;
        this.properties = properties;
    }

    HttpPipeline pipelineFor(Customer customer) {
        CustomerCredentials.Fingerprint fingerprint = CustomerCredentials.Fingerprint.of(customer);
        Cached cached = cache.get(customer.id());
        if (cached != null && Objects.equals(cached.fingerprint, fingerprint)) {
            return cached.pipeline;
        }
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(
                        new UserAgentPolicy(USER_AGENT),
                        new RequestIdPolicy(),
                        new RetryPolicy(new ArmRetryStrategy(properties.retry())),
                        authentication.policyFor(customer),
                        new RateLimitLoggingPolicy(),
                        new HttpLoggingPolicy(logOptions()))
                .build();
        cache.put(customer.id(), new Cached(fingerprint, pipeline));
        return pipeline;
    }

    private static HttpLogOptions logOptions() {
        return new HttpLogOptions()
                .setLogLevel(HttpLogDetailLevel.BASIC)
                .addAllowedQueryParamName("api-version")
                .addAllowedHeaderName("x-ms-request-id")
                .addAllowedHeaderName("x-ms-correlation-request-id")
                .addAllowedHeaderName("Retry-After");
    }

    private record Cached(CustomerCredentials.Fingerprint fingerprint, HttpPipeline pipeline) {
    }
}
