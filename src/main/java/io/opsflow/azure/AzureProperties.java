package io.opsflow.azure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.azure.core.management.AzureEnvironment;
import com.azure.identity.AzureAuthorityHosts;

/**
 * How opsflow reaches Azure Resource Manager: the cloud (which gives the ARM endpoint and the
 * Entra authority host unless both are set explicitly), HTTP timeouts and the retry bounds of the
 * ARM pipeline. Secrets are never configured here: see {@link CustomerCredentials}.
 */
@ConfigurationProperties("opsflow.azure")
public record AzureProperties(
        @DefaultValue("AZURE") Cloud cloud,
        String resourceManagerEndpoint,
        String authorityHost,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration responseTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Msp msp) {

    /**
     * The MSP's own multi-tenant app in its own tenant: the identity of customers whose subscriptions are
     * delegated to the MSP through Azure Lighthouse (credential type {@code lighthouse}), and the app the
     * customer intake signs in with in a new customer's tenant. Its secret is in the environment variable
     * {@code secretEnv}.
     */
    public record Msp(String tenantId, String clientId, @DefaultValue(Msp.DEFAULT_SECRET_ENV) String secretEnv) {
        public static final String DEFAULT_SECRET_ENV = "OPSFLOW_MSP_AZURE_CLIENT_SECRET";
    }

    public enum Cloud {
        AZURE(AzureEnvironment.AZURE, AzureAuthorityHosts.AZURE_PUBLIC_CLOUD),
        AZURE_CHINA(AzureEnvironment.AZURE_CHINA, AzureAuthorityHosts.AZURE_CHINA),
        AZURE_US_GOVERNMENT(AzureEnvironment.AZURE_US_GOVERNMENT, AzureAuthorityHosts.AZURE_GOVERNMENT);

        private final AzureEnvironment environment;
        private final String authorityHost;

        Cloud(AzureEnvironment environment, String authorityHost) {
            this.environment = environment;
            this.authorityHost = authorityHost;
        }
    }

    /**
     * Retries of one ARM call inside the pipeline (429, 408 and 5xx, connection failures). A
     * {@code Retry-After} longer than {@code maxRetryAfter} is not waited for: the call fails at once
     * and the Camunda job's retry cycle takes over instead of holding a job-executor thread.
     */
    public record Retry(
            @DefaultValue("3") int maxRetries,
            @DefaultValue("1s") Duration baseDelay,
            @DefaultValue("20s") Duration maxDelay,
            @DefaultValue("30s") Duration maxRetryAfter) {
    }

    /** The ARM endpoint without a trailing slash, e.g. {@code https://management.azure.com}. */
    public String effectiveResourceManagerEndpoint() {
        return withoutTrailingSlash(blank(resourceManagerEndpoint)
                ? cloud.environment.getResourceManagerEndpoint() : resourceManagerEndpoint);
    }

    /** The Entra authority host, e.g. {@code https://login.microsoftonline.com}. */
    public String effectiveAuthorityHost() {
        return withoutTrailingSlash(blank(authorityHost) ? cloud.authorityHost : authorityHost);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
