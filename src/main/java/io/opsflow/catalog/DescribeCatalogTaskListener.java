package io.opsflow.catalog;

import static io.opsflow.messages.TaskLabels.join;
import static io.opsflow.messages.TaskLabels.text;
import static io.opsflow.catalog.CatalogVariables.*;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.messages.TaskLabels;

/**
 * On creation of a catalog request's task: what tells it apart from the others in Tasklist's list.
 * Camunda 7 does not evaluate expressions in a task's name, so the name (in the customer's language)
 * gets the RITM number, the customer's display name and the target resources appended, and the
 * description names the item and who it is for. For the forms it keeps the customer's name (read
 * from the registry each time) and whether the scheduled start has already passed, as of the
 * task's creation.
 */
@Component
class DescribeCatalogTaskListener implements TaskListener {

    private final CustomerRegistry customers;
    private final Messages messages;

    DescribeCatalogTaskListener(CustomerRegistry customers, Messages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String customerId = text(execution, CustomerTenantIdProvider.CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElse(null);
        String customerName = customer == null ? customerId : customer.displayName();
        execution.setVariable(CUSTOMER_NAME, customerName);
        execution.setVariable(SCHEDULED_START_PASSED, passed(text(execution, SCHEDULED_START)));
        String subject = join(text(execution, RITM_NUMBER), customerName, text(execution, TARGET_RESOURCES));
        String requestedFor = text(execution, REQUESTED_FOR_NAME);
        TaskLabels.label(task, messages.forCustomer(customer), subject, subject, text(execution, CAT_ITEM_NAME),
                requestedFor == null || requestedFor.isBlank() ? text(execution, REQUESTED_FOR) : requestedFor);
    }

    /** Whether a start shown as "yyyy-MM-dd HH:mm UTC" lies before now (the engine's clock). */
    static boolean passed(String scheduledStart) {
        if (scheduledStart == null || scheduledStart.isBlank()) {
            return false;
        }
        try {
            long start = LocalDateTime.parse(scheduledStart, ValidateCatalogRequestDelegate.SHOWN_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            return start < ClockUtil.getCurrentTime().getTime();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
