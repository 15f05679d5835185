package io.opsflow.outbound.destinations;

import static io.opsflow.messages.TaskLabels.join;
import static io.opsflow.messages.TaskLabels.text;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.messages.TaskLabels;

/**
 * On creation of the repair task: its name in the customer's language with the customer and the
 * destination appended, as every task in Tasklist's list; due within {@link #DUE_IN} and above a P3
 * incident's priority, because every notice to the customer's channel fails until it is repaired.
 */
@Component
class DescribeDestinationTaskListener implements TaskListener {

    static final Duration DUE_IN = Duration.ofHours(4);
    /** Between a P2 incident's tasks (80) and a P3's (60). */
    static final int PRIORITY = 70;

    private final Messages messages;

    DescribeDestinationTaskListener(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String subject = join(text(task, DestinationGoneProcess.CUSTOMER_NAME),
                text(task, DestinationGoneProcess.DESTINATION_SYSTEM) + " " + text(task, DestinationGoneProcess.DESTINATION_NAME));
        TaskLabels.label(task, messages.forCustomer(text(task, DestinationGoneProcess.CUSTOMER_ID)), subject, task.getDescription());
        task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(DUE_IN)));
        task.setPriority(PRIORITY);
    }
}
