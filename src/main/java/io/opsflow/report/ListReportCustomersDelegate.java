package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.CUSTOMER_IDS;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * The customers that get a report this month: every customer in the registry (a customer is in the
 * registry while the MSP runs it). Sorted, so that the run's instances come in a stable order.
 */
@Component
class ListReportCustomersDelegate implements JavaDelegate {

    private final CustomerRegistry customers;

    ListReportCustomersDelegate(CustomerRegistry customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> ids = new ArrayList<>(customers.findAll().stream().map(Customer::id).sorted().toList());
        execution.setVariable(CUSTOMER_IDS, ids);
    }
}
