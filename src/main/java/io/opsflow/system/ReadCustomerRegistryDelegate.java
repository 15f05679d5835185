package io.opsflow.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;

/** Smoke test step: proves the engine reaches Spring beans and opsflow's own tables. */
@Component
class ReadCustomerRegistryDelegate implements JavaDelegate {

    private final CustomerRegistry customers;

    ReadCustomerRegistryDelegate(CustomerRegistry customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SmokeTest.CUSTOMER_COUNT, customers.count());
    }
}
