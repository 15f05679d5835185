package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.LighthouseDelegations;

/**
 * The tenant and subscription a person entered: GUIDs, and a subscription the MSP's app reads when signed in
 * to that tenant (consent given, subscription in that tenant). Otherwise the task comes back with the reason.
 */
@Component
public class VerifyCustomerTenantDelegate implements JavaDelegate {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final LighthouseDelegations delegations;
    private final IntakeIdentities identities;

    public VerifyCustomerTenantDelegate(LighthouseDelegations delegations, IntakeIdentities identities) {
        this.delegations = delegations;
        this.identities = identities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenant = trimmed(execution, AZURE_TENANT_ID);
        String subscription = trimmed(execution, AZURE_SUBSCRIPTION_ID);
        if (tenant == null || !GUID.matcher(tenant).matches() || subscription == null || !GUID.matcher(subscription).matches()) {
            refuse(execution, "The tenant id and the subscription id must both be GUIDs (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
        tenant = tenant.toLowerCase();
        subscription = subscription.toLowerCase();
        execution.setVariable(AZURE_TENANT_ID, tenant);
        execution.setVariable(AZURE_SUBSCRIPTION_ID, subscription);
        boolean readable;
        try {
            readable = delegations.reaches(identities.inCustomerTenant(IntakeSteps.required(execution, CUSTOMER_ID), tenant), subscription);
        } catch (ArmException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 400) {
                refuse(execution, IntakeTexts.reason(execution, "armRefused", subscription, tenant, e.getMessage()));
            }
            throw e;
        }
        if (!readable) {
            refuse(execution, IntakeTexts.reason(execution, "subscriptionNotFound", subscription, tenant));
        }
    }

    private static String trimmed(DelegateExecution execution, String variable) {
        String value = IntakeSteps.text(execution, variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void refuse(DelegateExecution execution, String problem) {
        execution.setVariable(INTAKE_PROBLEM, problem);
        throw new BpmnError(IntakeProcess.TENANT_NOT_VERIFIED, problem);
    }
}
