package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * Looks in ServiceNow for the incident of each test alert that has not arrived yet, and writes the
 * results table (item → incident → seconds from firing). The test is over when every alert arrived,
 * or at the deadline: what has not arrived by then failed and blocks go-live.
 */
@Component
class CollectPreOperationResultsDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final PreOperationTest test;
    private final Messages messages;

    CollectPreOperationResultsDelegate(CustomerRegistry customers, PreOperationTest test, Messages messages) {
        this.customers = customers;
        this.test = test;
        this.messages = messages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CheckHandoverPackageDelegate.CustomerGone(customerId));
        Messages.Texts texts = messages.forCustomer(customer);
        List<Map<String, Object>> fired = (List<Map<String, Object>>) execution.getVariable(PRE_OPERATION_FIRED);
        boolean over = !ClockUtil.getCurrentTime().toInstant().isBefore(Instant.parse((String) execution.getVariable(PreOperationResults.DEADLINE)));
        List<PreOperationTest.FiredTest> tests = new ArrayList<>();
        Map<String, PreOperationTest.TestIncident> arrived = new HashMap<>();
        for (Map<String, Object> entry : fired) {
            PreOperationTest.FiredTest test = new PreOperationTest.FiredTest((String) entry.get("item"), (String) entry.get("alertId"),
                    Instant.parse((String) entry.get("firedAt")), null);
            tests.add(test);
            if (entry.get("incident") == null) {
                this.test.incident(customer, test).ifPresent(found -> {
                    entry.put("incident", found.number());
                    entry.put("openedAt", found.openedAt().toString());
                });
            }
            if (entry.get("incident") != null) {
                arrived.put(test.alertId(), new PreOperationTest.TestIncident((String) entry.get("incident"), null,
                        Instant.parse((String) entry.get("openedAt"))));
            }
        }
        ArrayList<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> table : PreOperationTest.resultsTable(tests, arrived, texts)) {
            boolean found = table.get("incident") != null;
            results.add(PreOperationResults.row((String) table.get("item"),
                    found ? texts.text("handover.test.passed") : over ? texts.text("handover.test.failed") : texts.text("handover.test.pending"),
                    found ? (String) table.get("incident") : "", table.get("seconds") == null ? "" : String.valueOf(table.get("seconds"))));
        }
        boolean allArrived = arrived.size() == tests.size();
        results.addAll((List<Map<String, Object>>) execution.getVariable(PreOperationResults.SKIPPED));
        execution.setVariable(PRE_OPERATION_FIRED, new ArrayList<>(fired));
        execution.setVariable(PRE_OPERATION_RESULTS, results);
        execution.setVariable(PRE_OPERATION_DONE, allArrived || over);
        execution.setVariable(PRE_OPERATION_PASSED, allArrived);
    }
}
