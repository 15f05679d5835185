package io.opsflow.incident;

import static io.opsflow.messages.TaskLabels.join;
import static io.opsflow.messages.TaskLabels.text;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.messages.TaskLabels;

/**
 * On creation of an incident's task: what tells it apart from the others in Tasklist's list. Camunda
 * 7 does not evaluate expressions in a task's name, so the name gets the ServiceNow number, the
 * customer's display name and the target resource appended, the description adds the priority and
 * the summary, all in the customer's language, and the task's priority follows the incident's (P1 first). The customer's name is also
 * kept as {@code customerName} for the forms; it is read from the registry each time, so a renamed
 * customer shows under its current name.
 */
@Component
class DescribeIncidentTaskListener implements TaskListener {

    static final Map<String, Integer> TASK_PRIORITIES = Map.of("P1", 100, "P2", 80, "P3", 60, "P4", 40, "P5", 20);
    static final int UNKNOWN_PRIORITY = 50;

    private final IncidentContext context;
    private final Messages messages;

    DescribeIncidentTaskListener(IncidentContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Customer customer = context.customer(execution);
        String customerName = customer.displayName();
        execution.setVariable(IncidentVariables.CUSTOMER_NAME, customerName);
        String priority = text(execution, IncidentVariables.PRIORITY);
        String subject = join(text(execution, IncidentVariables.SERVICENOW_NUMBER), customerName,
                resourceName(text(execution, IncidentVariables.TARGET_RESOURCE)));
        TaskLabels.label(task, messages.forCustomer(customer), subject, priority, subject, text(execution, IncidentVariables.SUMMARY));
        task.setPriority(priority == null ? UNKNOWN_PRIORITY : TASK_PRIORITIES.getOrDefault(priority, UNKNOWN_PRIORITY));
    }

    /** An Azure resource id ends with the resource's name; a Zabbix host is its name already. */
    static String resourceName(String resource) {
        if (resource == null) {
            return null;
        }
        String trimmed = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
