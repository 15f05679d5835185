package io.opsflow.partnercenter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.opsflow.outbound.OutboundSettings;

/**
 * The MSP's Partner Center (CSP) account, reached with App+User tokens of the secure application
 * model. Without {@code partnerTenantId} there is no {@link PartnerCenter} (outside sandbox mode) and
 * the customer intake hands the tenant and Azure plan to an operator. The client secret and the refresh
 * token come from the environment variables named here, never from configuration files.
 *
 * @param baseUrl               the Partner Center REST API
 * @param authority             Microsoft Entra ID; tokens come from {@code <authority>/<partnerTenantId>/oauth2/token}
 * @param clientSecretVariable  environment variable holding the application's client secret
 * @param refreshTokenVariable  environment variable holding the refresh token of the one-time consent
 * @param country               market of the Azure plan catalogue lookup (ISO 3166 alpha-2)
 * @param locale                {@code X-Locale}: the language of Partner Center's error descriptions
 * @param azurePlanBillingCycle billing cycle of the Azure plan cart line item; not shown in the docs read
 *                              ({@code one_time} is what Partner Center's PowerShell samples use)
 */
@ConfigurationProperties("opsflow.partner-center")
public record PartnerCenterProperties(
        @DefaultValue("https://api.partnercenter.microsoft.com") String baseUrl,
        @DefaultValue("https://login.microsoftonline.com") String authority,
        String partnerTenantId,
        String clientId,
        @DefaultValue("OPSFLOW_PARTNER_CENTER_CLIENT_SECRET") String clientSecretVariable,
        @DefaultValue("OPSFLOW_PARTNER_CENTER_REFRESH_TOKEN") String refreshTokenVariable,
        @DefaultValue("JP") String country,
        @DefaultValue("ja-JP") String locale,
        @DefaultValue("one_time") String azurePlanBillingCycle,
        @DefaultValue("5s") Duration connectTimeout,
        // Creating a customer creates an Entra tenant: answers of tens of seconds are normal.
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue Retry retry) implements OutboundSettings {

    public static final String PARTNER_TENANT_ID = "opsflow.partner-center.partner-tenant-id";

    /** Sandbox mode without a partner tenant: the stand-in tenant and application the simulator answers for. */
    PartnerCenterProperties forSandbox() {
        return new PartnerCenterProperties(baseUrl, authority, "00000000-0000-4000-8000-00000000c5b0",
                clientId == null || clientId.isBlank() ? "opsflow-sandbox" : clientId, clientSecretVariable,
                refreshTokenVariable, country, locale, azurePlanBillingCycle, connectTimeout, readTimeout, retry);
    }

    /**
     * Bounds on retrying 429, 5xx, timeouts and Partner Center's "busy" conflicts inside one call.
     *
     * @param maxRetryAfter longest {@code Retry-After} waited in-process; Partner Center asks for about a
     *                      minute when it throttles, so the default waits that out instead of failing the job
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff,
            @DefaultValue("90s") Duration maxRetryAfter) implements OutboundSettings.RetrySettings {
    }
}
