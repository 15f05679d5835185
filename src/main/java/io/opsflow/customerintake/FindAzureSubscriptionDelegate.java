package io.opsflow.customerintake;

import java.time.Duration;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.partnercenter.AzureEntitlement;

/**
 * Whether the ordered Azure plan's subscription exists yet (it can take minutes): the process looks again
 * after its poll interval, and once {@code opsflow.customer-intake.subscription-wait} has passed asks a person for it.
 */
@Component
public class FindAzureSubscriptionDelegate implements JavaDelegate {

    private final PartnerCenterAccess partnerCenter;
    private final Duration subscriptionWait;

    public FindAzureSubscriptionDelegate(PartnerCenterAccess partnerCenter, IntakeProperties properties) {
        this.partnerCenter = partnerCenter;
        this.subscriptionWait = properties.subscriptionWait();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subscription = partnerCenter.get().azureSubscriptions(IntakeSteps.required(execution, AZURE_TENANT_ID)).stream()
                .filter(entitlement -> entitlement.status() == AzureEntitlement.Status.ACTIVE)
                .map(AzureEntitlement::subscriptionId).findFirst().orElse(null);
        long now = ClockUtil.getCurrentTime().getTime();
        Object first = execution.getVariable(SUBSCRIPTION_FIRST_LOOK);
        long firstLook = first instanceof Long at ? at : now;
        execution.setVariable(SUBSCRIPTION_FIRST_LOOK, firstLook);
        execution.setVariable(AZURE_SUBSCRIPTION_ID, subscription);
        execution.setVariable(SUBSCRIPTION_READY, subscription != null);
        execution.setVariable(SUBSCRIPTION_OVERDUE, subscription == null && now - firstLook >= subscriptionWait.toMillis());
    }
}
