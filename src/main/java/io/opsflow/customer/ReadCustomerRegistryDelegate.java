package io.opsflow.customer;

import io.opsflow.deployment.SmokeTest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


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
