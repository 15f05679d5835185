package io.opsflow.azure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;

import io.opsflow.customer.Customer;

/**
 * Builds, with azure-resourcemanager's {@link HttpPipelineProvider}, the pipeline that carries every
 * ARM request of one customer, and keeps it per customer id (rebuilt when the customer's Azure
 * tenant or credential reference changes). The provider contributes the SDK's user agent, request
 * ids, date and resource-provider registration policies; opsflow adds its bounded retry, the
 * customer's authentication (a fresh token per try), the rate-limit log and an HTTP log that shows
 * only {@code api-version} and ids, never bodies or the Authorization header. The authentication
 * is passed as a policy rather than a credential so sandbox mode can swap it alone.
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
        AzureProfile profile = new AzureProfile(customer.azure() == null ? null : customer.azure().tenantId(), null,
                AzureEnvironment.AZURE);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(null, profile, null, logOptions(),
                Configuration.NONE, new RetryPolicy(new ArmRetryStrategy(properties.retry())),
                List.of(authentication.policyFor(customer), new RateLimitLoggingPolicy()), httpClient);
        cache.put(customer.id(), new Cached(fingerprint, pipeline));
        return pipeline;
    }

    /** A token for the customer's credential in another tenant, for {@link ArmClient#onBehalfOf}. */
    String auxiliaryToken(Customer customer, String tenantId) {
        return authentication.auxiliaryToken(customer, tenantId);
    }

    private static HttpLogOptions logOptions() {
        return new HttpLogOptions()
                .setApplicationId(USER_AGENT)
                .setLogLevel(HttpLogDetailLevel.BASIC)
                .addAllowedQueryParamName("api-version")
                .addAllowedHeaderName("x-ms-request-id")
                .addAllowedHeaderName("x-ms-correlation-request-id")
                .addAllowedHeaderName("Retry-After");
    }

    private record Cached(CustomerCredentials.Fingerprint fingerprint, HttpPipeline pipeline) {
    }
}
