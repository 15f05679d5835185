package io.opsflow.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * A handover is for a customer in the registry, however it starts: the API checks it before, this
 * checks a Tasklist start, whose form can only check the id's shape. Refused in the caller's language;
 * nothing is started.
 */
@Component
class CheckHandoverCustomerListener implements ExecutionListener {

    private final CustomerRegistry customers;

    CheckHandoverCustomerListener(CustomerRegistry customers) {
        this.customers = customers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object customer = execution.getVariable(HandoverVariables.CUSTOMER_ID);
        if (!(customer instanceof String id) || customers.find(id).isEmpty()) {
            throw new FormFieldValidationException("opsflow-handover-customer",
                    HandoverVariables.CUSTOMER_ID + ": " + Messages.caller().text("handover.request.unknownCustomer", customer));
        }
    }
}
