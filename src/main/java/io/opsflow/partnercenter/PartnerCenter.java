package io.opsflow.partnercenter;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft Partner Center (CSP) as the customer intake needs it: a new customer tenant and its Azure
 * plan. Every creating call takes the {@code requestId} the caller keeps for that step, sent as
 * {@code MS-RequestId}, Partner Center's idempotency key, so a step re-run after a crash creates nothing twice.
 */
public interface PartnerCenter {

    /** Whether {@code <domainPrefix>.onmicrosoft.com} is free ({@code HEAD /v1/domains/{domain}}: 404). */
    boolean domainAvailable(String domainPrefix);

    /** The partner's customer whose tenant has {@code <domainPrefix>.onmicrosoft.com}, if any. */
    Optional<PartnerCustomer> customerByDomain(String domainPrefix);

    /** {@code POST /v1/customers}; the one-time administrator password in the answer is dropped, never kept or logged. */
    PartnerCustomer createCustomer(NewPartnerCustomer customer, UUID requestId);

    /** Records the customer's acceptance of the Microsoft Customer Agreement, needed before the Azure plan. */
    void confirmCustomerAgreement(String customerTenantId, AgreementAcceptance acceptance, UUID requestId);

    /** Orders the Azure plan (catalogue lookup, cart, checkout), unless the customer already has one. */
    AzurePlanOrder orderAzurePlan(String customerTenantId, String country, UUID requestId);

    /** The Azure subscriptions under the customer's Azure plan; empty until they exist. */
    List<AzureEntitlement> azureSubscriptions(String customerTenantId);
}
