package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.messages.TaskLabels;

/**
 * Names each handover task in the customer's language after the company it is for, so that the design
 * team's list of several customers' revisions tells them apart: 「引き継ぎ資料の修正 · デモ株式会社」; the
 * revision's description lists the problems and the comment it answers.
 */
@Component
class DescribeHandoverTaskListener implements TaskListener {

    private final CustomerRegistry customers;
    private final Messages messages;

    DescribeHandoverTaskListener(CustomerRegistry customers, Messages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<Customer> customer = customers.find(TaskLabels.text(task, CUSTOMER_ID));
        String company = customer.map(Customer::displayName).orElse(TaskLabels.text(task, CUSTOMER_ID));
        List<String> description = new ArrayList<>();
        if ("UserTask_RevisePackage".equals(task.getTaskDefinitionKey())) {
            if (task.getVariable(PACKAGE_PROBLEMS) instanceof Collection<?> problems) {
                problems.forEach(problem -> description.add(String.valueOf(problem)));
            }
            description.add(TaskLabels.text(task, REVIEW_COMMENT));
        }
        TaskLabels.label(task, messages.forCustomer(customer.orElse(null)), company, description.toArray(String[]::new));
    }
}
