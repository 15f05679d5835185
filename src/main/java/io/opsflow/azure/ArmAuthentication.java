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
}
