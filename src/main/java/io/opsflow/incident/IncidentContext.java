package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/** What delegates of an incident need about its customer, read from the registry at each step. */
@Component
class IncidentContext {

    private final CustomerRegistry customers;

    IncidentContext(CustomerRegistry customers) {
        this.customers = customers;
    }

    Customer customer(DelegateExecution execution) {
        String id = (String) execution.getVariable(IncidentVariables.CUSTOMER_ID);
        return customers.find(id).orElseThrow(() -> new IllegalStateException("Customer '" + id + "' is not in the registry"));
    }

    static String serviceNowSysId(DelegateExecution execution) {
        String sysId = (String) execution.getVariable(IncidentVariables.SERVICENOW_SYS_ID);
        if (sysId == null) {
            throw new IllegalStateException("The incident has no ServiceNow record yet (serviceNowSysId unset)");
        }
        return sysId;
    }
}
