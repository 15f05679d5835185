package io.opsflow.azure;

import com.azure.core.http.policy.HttpPipelinePolicy;

import io.opsflow.customer.Customer;

/**
 * The pipeline policy that authenticates ARM requests made for one customer: a bearer-token policy
 * over the customer's credential in production ({@link CustomerCredentials}), something simpler in
 * sandbox mode.
 */
@FunctionalInterface
public interface ArmAuthentication {

    HttpPipelinePolicy policyFor(Customer customer);

    /**
     * An access token for ARM issued by {@code tenantId} to the customer's own credential, sent as
     * {@code x-ms-authorization-auxiliary} when a CSP partner acts on behalf of the customer
     * ({@link ArmClient#onBehalfOf}). Authentications that cannot reach another tenant refuse.
     */
    default String auxiliaryToken(Customer customer, String tenantId) {
        throw new IllegalStateException("This ARM authentication gives no token for the auxiliary tenant " + tenantId
                + " (customer '" + customer.id() + "')");
    }
}
