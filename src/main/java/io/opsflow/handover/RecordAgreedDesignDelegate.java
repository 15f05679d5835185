package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Onboarding;
import io.opsflow.messages.Messages;

/**
 * Keeps what the operations review agreed: the monitoring items list the apply step and the
 * procedures are made from, the SLA targets (pending: the registry's only at go-live) and the
 * operation scenarios. The customer is onboarding from here on unless it is already live.
 */
@Component
class RecordAgreedDesignDelegate implements JavaDelegate {

    private final Onboarding onboarding;

    RecordAgreedDesignDelegate(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PackageSettings settings = PackageSettings.read(execution.getVariables(), Messages.standalone(java.util.Locale.ENGLISH));
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException("The agreed package has problems the check let through: " + settings.problems());
        }
        onboarding.agree((String) execution.getVariable(CUSTOMER_ID), new Onboarding.AgreedDesign(
                (String) execution.getVariable(MONITORING_ITEMS), (String) execution.getVariable(MONITORING_ITEMS_FORMAT),
                settings.sla(), (String) execution.getVariable(OPERATION_SCENARIOS), ClockUtil.getCurrentTime().toInstant()));
    }
}
