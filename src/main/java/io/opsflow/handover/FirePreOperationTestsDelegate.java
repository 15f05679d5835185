package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * Fires one test alert per monitoring item through opsflow's real webhook, with the customer's own
 * credential, so the test passes only where the whole path works. Items recorded only (no incident)
 * are not fired, nor those of a customer whose webhook only takes Secure Webhook tokens opsflow
 * cannot mint (the reason stands in the table). The alert ids derive from the run (the instance and its run number), so a retried
 * job resends the same alerts and the webhook's delivery ledger drops the repeats.
 */
@Component
class FirePreOperationTestsDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final AgreedItems agreed;
    private final PreOperationTest test;
    private final HandoverProperties properties;
    private final Messages messages;

    FirePreOperationTestsDelegate(CustomerRegistry customers, AgreedItems agreed, PreOperationTest test, HandoverProperties properties,
                                  Messages messages) {
        this.customers = customers;
        this.agreed = agreed;
        this.test = test;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CheckHandoverPackageDelegate.CustomerGone(customerId));
        Object previous = execution.getVariable(PRE_OPERATION_RUN);
        int run = previous instanceof Integer n ? n + 1 : 1;
        String runId = execution.getProcessInstanceId() + "-" + run;
        ArrayList<Map<String, Object>> fired = new ArrayList<>();
        ArrayList<Map<String, Object>> results = new ArrayList<>();
        Messages.Texts texts = messages.forCustomer(customer);
        for (MonitoringItem item : agreed.of(customerId)) {
            if (item.notification() == Notification.NONE) {
                results.add(PreOperationResults.row(item.name(), texts.text("handover.test.skipped"), "", ""));
                continue;
            }
            PreOperationTest.FiredTest test = this.test.fire(customer, item, runId);
            if (test.notFired() != null) {
                results.add(PreOperationResults.row(item.name(), test.notFired(), "", ""));
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", test.item());
            entry.put("alertId", test.alertId());
            entry.put("firedAt", test.firedAt().toString());
            fired.add(entry);
        }
        execution.setVariable(PRE_OPERATION_RUN, run);
        execution.setVariable(PreOperationResults.POLL_INTERVAL, properties.preOperationPollInterval().toString());
        execution.setVariable(PRE_OPERATION_FIRED, fired);
        execution.setVariable(PreOperationResults.SKIPPED, results);
        execution.setVariable(PreOperationResults.DEADLINE, ClockUtil.getCurrentTime().toInstant().plus(properties.preOperationTimeout()).toString());
        execution.setVariable(PRE_OPERATION_RESULTS, PreOperationResults.pending(fired, results, texts));
        execution.setVariable(PRE_OPERATION_DONE, false);
        execution.setVariable(PRE_OPERATION_PASSED, false);
    }
}
