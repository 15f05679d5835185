package io.opsflow.azure;

import java.util.Objects;

import io.opsflow.customer.Customer;

/**
 * Whose Azure support tickets, where, and through whom: the customer (its credential signs every
 * request), the subscription the tickets belong to, and, when the MSP is the customer's CSP partner,
 * the partner's tenant id ({@code azure.support.auxiliaryTenantId} in the registry).
 *
 * <p>With an auxiliary tenant every request also carries {@code x-ms-authorization-auxiliary: Bearer
 * <token from that tenant>}, which Microsoft.Support asks for when a partner files for its customer.
 * The partner obtains that access in Partner Center: the customer accepts a GDAP relationship (or the
 * older admin-on-behalf-of link that came with the CSP reseller relationship), and the partner's
 * security group holding the app registration is given a role that may open support requests (e.g.
 * Service Support Administrator, plus Azure RBAC "Support Request Contributor" on the subscription).
 * The app registration must be multi-tenant; the same client credential then gets a token from the
 * customer's tenant and one from the partner's.
 */
public record SupportAccess(Customer customer, String subscriptionId, String auxiliaryTenantId) {

    public SupportAccess {
        Objects.requireNonNull(customer, "customer");
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("Customer '" + customer.id() + "': no subscription for support tickets");
        }
        auxiliaryTenantId = auxiliaryTenantId == null || auxiliaryTenantId.isBlank() ? null : auxiliaryTenantId;
    }

    /** Direct access, without a partner tenant. */
    public static SupportAccess of(Customer customer, String subscriptionId) {
        return new SupportAccess(customer, subscriptionId, null);
    }

    public boolean isOnBehalfOf() {
        return auxiliaryTenantId != null;
    }

    /** The client to send this access's requests through. */
    ArmClient through(ArmClient arm) {
        return arm.onBehalfOf(auxiliaryTenantId);
    }

    String supportPath(String... segments) {
        String[] all = new String[4 + segments.length];
        all[0] = "subscriptions";
        all[1] = subscriptionId;
        all[2] = "providers";
        all[3] = "Microsoft.Support";
        System.arraycopy(segments, 0, all, 4, segments.length);
        return ArmPath.of(all);
    }
}
