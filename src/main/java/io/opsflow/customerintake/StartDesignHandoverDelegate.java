package io.opsflow.customerintake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.handover.DesignHandovers;

/** The intake's last step: the new customer's design handover starts, waiting for the design team's package. */
@Component
class StartDesignHandoverDelegate implements JavaDelegate {

    private final DesignHandovers handovers;

    StartDesignHandoverDelegate(DesignHandovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handovers.startFromIntake(IntakeSteps.required(execution, IntakeVariables.CUSTOMER_ID));
    }
}
