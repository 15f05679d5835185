package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * First step, in the starting transaction: an intake with a problem, or for a customer already in the
 * registry, is refused with every problem named, and nothing is started. Then the request's fields are
 * the process's variables, trimmed, with the defaults and the checklist as a list.
 */
@Component
public class ValidateIntakeDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final PartnerCenterAccess partnerCenter;
    private final IntakeProperties properties;

    public ValidateIntakeDelegate(CustomerRegistry customers, PartnerCenterAccess partnerCenter, IntakeProperties properties) {
        this.customers = customers;
        this.partnerCenter = partnerCenter;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> submitted = new HashMap<>(execution.getVariables());
        ORIGIN.forEach(submitted::remove);
        IntakeRequest request = IntakeRequest.of(submitted);
        if (customers.find(request.text(CUSTOMER_ID)).isPresent()) {
            throw new InvalidIntakeException(List.of(new FieldProblem(CUSTOMER_ID,
                    Messages.caller().text("intake.problem.customerExists", request.text(CUSTOMER_ID)))));
        }
        // Tasklist starts without a business key: the customer id is this intake's, as for POST /api/intakes.
        execution.setProcessBusinessKey(request.text(CUSTOMER_ID));
        boolean running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(IntakeProcess.KEY).processInstanceBusinessKey(request.text(CUSTOMER_ID)).list().stream()
                .anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
        if (running) {
            throw new InvalidIntakeException(List.of(new FieldProblem(CUSTOMER_ID,
                    Messages.caller().text("intake.problem.intakeRunning", request.text(CUSTOMER_ID)))));
        }
        request.values().forEach(execution::setVariable);
        // An ArrayList: the JSON variable is read back as its declared type, which deserialisation must allow.
        execution.setVariable(CHECKLIST_ITEMS, new ArrayList<>(request.checklistItems()));
        execution.setVariable(PARTNER_CENTER, request.csp() && partnerCenter.configured());
        execution.setVariable(POLL_INTERVAL, properties.pollInterval().toString());
    }
}
