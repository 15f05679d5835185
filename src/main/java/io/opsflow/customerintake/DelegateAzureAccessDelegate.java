package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.LighthouseDelegations;
import io.opsflow.azure.LighthouseDelegations.Authorization;
import io.opsflow.azure.LighthouseDelegations.Delegation;
import io.opsflow.retry.PermanentFault;

/**
 * Azure Lighthouse: the customer's subscription delegated to the MSP's Entra groups and deploy app with the
 * configured least-privilege roles, so opsflow and the pipeline reach it with the MSP's own identity and no
 * per-customer secret. Made in the customer's tenant (only a principal there can); ids fixed per subscription.
 */
@Component
public class DelegateAzureAccessDelegate implements JavaDelegate {

    private final LighthouseDelegations delegations;
    private final IntakeIdentities identities;
    private final IntakeProperties.Lighthouse lighthouse;

    public DelegateAzureAccessDelegate(LighthouseDelegations delegations, IntakeIdentities identities, IntakeProperties.Lighthouse lighthouse) {
        this.delegations = delegations;
        this.identities = identities;
        this.lighthouse = lighthouse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (lighthouse.managedByTenantId() == null || lighthouse.authorizations().isEmpty()) {
            throw new LighthouseNotConfiguredException("Azure Lighthouse is not configured: set opsflow.customer-intake.lighthouse.managed-by-tenant-id"
                    + " and opsflow.customer-intake.lighthouse.authorizations");
        }
        String customer = IntakeSteps.required(execution, CUSTOMER_ID);
        Delegation delegation = new Delegation(lighthouse.managedByTenantId(), lighthouse.offerName(),
                "Operations of " + IntakeSteps.required(execution, COMPANY_NAME_EN) + " (" + customer + ") by the MSP through opsflow",
                lighthouse.authorizations().stream()
                        .map(a -> new Authorization(a.principalId(), a.principalIdDisplayName(), a.roleDefinitionId())).toList());
        delegations.delegate(identities.inCustomerTenant(customer, IntakeSteps.required(execution, AZURE_TENANT_ID)),
                IntakeSteps.required(execution, AZURE_SUBSCRIPTION_ID), delegation);
    }
}

/** A configuration gap: retrying cannot help, so it is an incident at once. */
class LighthouseNotConfiguredException extends IllegalStateException implements PermanentFault {

    LighthouseNotConfiguredException(String message) {
        super(message);
    }
}
