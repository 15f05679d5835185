package io.opsflow.outbound.destinations;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.outbound.DestinationStore;

/**
 * The operator completed the repair task: the customer's destinations are tried again. A task
 * completed without a repair is not lost: the next call finds the destination gone again and a new
 * task is started.
 */
@Component
class ClearDestinationGoneDelegate implements JavaDelegate {

    private final DestinationStore store;

    ClearDestinationGoneDelegate(DestinationStore store) {
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        store.clearGone((String) execution.getVariable(DestinationGoneProcess.CUSTOMER_ID));
    }
}
