package io.opsflow.intake;

import static io.opsflow.intake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.partnercenter.AzureEntitlement;

/**
 * Whether the ordered Azure plan's subscription exists yet (it can take minutes): the process looks once a
 * minute, and after an hour ({@link IntakeVariables#SUBSCRIPTION_LOOKS} = 60) asks a person for it.
 */
@Component
public class FindAzureSubscriptionDelegate implements JavaDelegate {

    private final PartnerCenterAccess partnerCenter;

    public FindAzureSubscriptionDelegate(PartnerCenterAccess partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subscription = partnerCenter.get().azureSubscriptions(IntakeSteps.required(execution, AZURE_TENANT_ID)).stream()
                .filter(entitlement -> entitlement.status() == AzureEntitlement.Status.ACTIVE)
                .map(AzureEntitlement::subscriptionId).findFirst().orElse(null);
        Object looks = execution.getVariable(SUBSCRIPTION_LOOKS);
        execution.setVariable(SUBSCRIPTION_LOOKS, (looks instanceof Integer n ? n : 0) + 1);
        execution.setVariable(AZURE_SUBSCRIPTION_ID, subscription);
        execution.setVariable(SUBSCRIPTION_READY, subscription != null);
    }
}
