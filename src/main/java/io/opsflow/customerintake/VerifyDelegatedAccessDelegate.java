package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.LighthouseDelegations;

/**
 * The delegation works: the MSP's own identity reads the subscription. A delegation takes minutes to
 * reach ARM, so "not yet" is an exception the retry cycle waits out, then an incident.
 */
@Component
public class VerifyDelegatedAccessDelegate implements JavaDelegate {

    private final LighthouseDelegations delegations;
    private final IntakeIdentities identities;

    public VerifyDelegatedAccessDelegate(LighthouseDelegations delegations, IntakeIdentities identities) {
        this.delegations = delegations;
        this.identities = identities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subscription = IntakeSteps.required(execution, AZURE_SUBSCRIPTION_ID);
        if (!delegations.reaches(identities.asMsp(IntakeSteps.required(execution, CUSTOMER_ID),
                IntakeSteps.required(execution, AZURE_TENANT_ID), subscription), subscription)) {
            throw new IllegalStateException("The MSP's identity does not reach subscription " + subscription
                    + " yet: the Lighthouse delegation has not taken effect, or was removed");
        }
    }
}
