package io.opsflow.customer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.deployment.SmokeTest;

/** Smoke test step: proves the engine reaches Spring beans and opsflow's own tables. */
@Component
public class ReadCustomerRegistryDelegate implements JavaDelegate {

    private final CustomerRegistry customers;

    public ReadCustomerRegistryDelegate(CustomerRegistry customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SmokeTest.CUSTOMER_COUNT, customers.count());
    }
}
