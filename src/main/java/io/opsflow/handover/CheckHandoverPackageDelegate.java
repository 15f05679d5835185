package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.retry.PermanentFault;

/**
 * Reads the package's monitoring items list and checks its readable items against the customer's
 * Azure, so the design team gets every problem of a round at once: rows that do not parse, and
 * items whose resource or metric Azure does not know, and the package's SLA targets and named operators. Sets {@value HandoverVariables#PACKAGE_PROBLEMS}
 * in the customer's language and {@value HandoverVariables#PACKAGE_CLEAN}. Azure throttled or
 * unreachable is thrown, and the job retries it: the design team cannot fix that.
 */
@Component
class CheckHandoverPackageDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final MonitoringItemsCheck check;
    private final Messages messages;

    CheckHandoverPackageDelegate(CustomerRegistry customers, MonitoringItemsCheck check, Messages messages) {
        this.customers = customers;
        this.check = check;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CustomerGone(customerId));
        String items = (String) execution.getVariable(MONITORING_ITEMS);
        String format = (String) execution.getVariable(MONITORING_ITEMS_FORMAT);
        MonitoringItemsList list = MonitoringItemsList.parse(items == null ? new byte[0] : items.getBytes(StandardCharsets.UTF_8),
                "monitoring-items." + format);
        List<Problem> problems = new ArrayList<>(list.problems());
        problems.addAll(check.check(customer, list.items()));
        Messages.Texts texts = messages.forCustomer(customer);
        ArrayList<String> lines = problems.stream().sorted(Comparator.comparingInt(Problem::row)).map(p -> p.text(texts))
                .collect(Collectors.toCollection(ArrayList::new));
        lines.addAll(PackageSettings.read(execution.getVariables(), texts).problems());
        execution.setVariable(PACKAGE_PROBLEMS, lines);
        execution.setVariable(PACKAGE_CLEAN, lines.isEmpty());
    }

    /**
     * {@code POST /api/handovers} refuses an unknown customer; one started from Tasklist for a customer not
     * in the registry, or removed since, needs a person (register it, then retry), not the retry cycle.
     */
    static final class CustomerGone extends IllegalStateException implements PermanentFault {

        CustomerGone(String customerId) {
            super("Customer '" + customerId + "' is not in the customer registry");
        }
    }
}
