package io.opsflow.customerintake;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AzureProperties;
import io.opsflow.customer.Customer;

/**
 * Who the intake is towards Azure before the customer is in the registry: the MSP's multi-tenant app signed
 * in to the customer's tenant (to read the subscription and create the Lighthouse delegation there), and,
 * once delegated, the MSP's own identity in its own tenant, as every later call for the customer will be.
 */
@Component
class IntakeIdentities {

    private final AzureProperties.Msp msp;

    IntakeIdentities(AzureProperties azure) {
        this.msp = azure.msp();
    }

    Customer inCustomerTenant(String customerId, String tenantId) {
        return customer("intake-tenant-" + customerId, tenantId, List.of(),
                new Customer.Credential("client-secret", msp.clientId(), msp.secretEnv()));
    }

    /** How opsflow will reach the customer once opened: through Lighthouse, or the customer's own app registration. */
    Customer operating(DelegateExecution execution) {
        String customer = IntakeSteps.required(execution, IntakeVariables.CUSTOMER_ID);
        String tenant = IntakeSteps.required(execution, IntakeVariables.AZURE_TENANT_ID);
        String subscription = IntakeSteps.required(execution, IntakeVariables.AZURE_SUBSCRIPTION_ID);
        if (Boolean.FALSE.equals(execution.getVariable(IntakeVariables.LIGHTHOUSE))) {
            return customer(customer, tenant, List.of(subscription), credential(execution));
        }
        return asMsp(customer, tenant, subscription);
    }

    /** The registry's credential for the customer: the MSP's identity, or the customer's own app. */
    Customer.Credential credential(DelegateExecution execution) {
        if (Boolean.FALSE.equals(execution.getVariable(IntakeVariables.LIGHTHOUSE))) {
            return new Customer.Credential("client-secret", IntakeSteps.required(execution, IntakeVariables.CUSTOMER_CLIENT_ID),
                    IntakeSteps.required(execution, IntakeVariables.CUSTOMER_SECRET_ENV));
        }
        return new Customer.Credential("lighthouse", null, null);
    }

    Customer asMsp(String customerId, String tenantId, String subscriptionId) {
        return customer(customerId, tenantId, List.of(subscriptionId), new Customer.Credential("lighthouse", null, null));
    }

    private static Customer customer(String id, String tenantId, List<String> subscriptions, Customer.Credential credential) {
        return new Customer(id, id, null, new Customer.Azure(tenantId, subscriptions, null, credential), null, null, null, null, null);
    }
}
