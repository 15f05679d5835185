package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;

/**
 * On creation of a catalog request's task: what tells it apart from the others in Tasklist's list.
 * Camunda 7 does not evaluate expressions in a task's name, so the name gets the RITM number, the
 * customer's display name and the target resources appended, and the description names the item
 * and who it is for. For the forms it keeps the customer's name (read from the registry each time)
 * and whether the scheduled start has already passed, as of the task's creation.
 */
@Component
class DescribeCatalogTaskListener implements TaskListener {

    /** ACT_RU_TASK.NAME_ holds 255 characters, DESCRIPTION_ 4000: the list needs far less. */
    static final int NAME_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 1000;
    static final String SEPARATOR = " · ";

    private final CustomerRegistry customers;

    DescribeCatalogTaskListener(CustomerRegistry customers) {
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String customerId = text(execution, io.opsflow.system.CustomerTenantIdProvider.CUSTOMER_ID);
        String customerName = customers.find(customerId).map(c -> c.displayName()).orElse(customerId);
        execution.setVariable(CUSTOMER_NAME, customerName);
        execution.setVariable(SCHEDULED_START_PASSED, passed(text(execution, SCHEDULED_START)));
        String subject = join(text(execution, RITM_NUMBER), customerName, text(execution, TARGET_RESOURCES));
        task.setName(abbreviate(join(task.getName(), subject), NAME_LENGTH));
        String requestedFor = text(execution, REQUESTED_FOR_NAME);
        task.setDescription(abbreviate(join(subject, text(execution, CAT_ITEM_NAME),
                requestedFor == null || requestedFor.isBlank() ? text(execution, REQUESTED_FOR) : requestedFor), DESCRIPTION_LENGTH));
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

    static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
