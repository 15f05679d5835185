package io.opsflow.handover;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import io.opsflow.api.ConflictException;
import io.opsflow.api.ForbiddenException;
import io.opsflow.api.InvalidInputException;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/**
 * How a design handover starts from {@code POST /api/handovers}: for a customer in the registry, by
 * an administrator or a member of the design team who works for that customer (as the engine holds a
 * Tasklist start to), and one at a time per customer. The customer id is the business key.
 */
@Service
public class DesignHandovers {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final CustomerWorkers workers;
    private final CustomerRegistry customers;
    private final Onboarding onboarding;
    private final Messages messages;

    DesignHandovers(RuntimeService runtime, HistoryService history, CustomerWorkers workers, CustomerRegistry customers,
                    Onboarding onboarding, Messages messages) {
        this.runtime = runtime;
        this.history = history;
        this.workers = workers;
        this.customers = customers;
        this.onboarding = onboarding;
        this.messages = messages;
    }

    /**
     * The handover of a customer the intake has just opened: the customer is onboarding from now, and
     * the design team finds the package task in Tasklist (the revision task, with a note in the
     * customer's language that the intake asks for the package). A handover already running for the
     * customer is left as it is, so a retried intake step starts nothing twice.
     */
    public void startFromIntake(String customer) {
        onboarding.begin(customer);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(HandoverVariables.KEY).processInstanceBusinessKey(customer).count() > 0) {
            return;
        }
        runtime.createProcessInstanceByKey(HandoverVariables.KEY).businessKey(customer)
                .setVariable(HandoverVariables.CUSTOMER_ID, customer)
                .setVariable(HandoverVariables.MONITORING_ITEMS_FORMAT, "csv")
                .setVariable(HandoverVariables.REVIEW_COMMENT, messages.forCustomer(customer).text("handover.fromIntake"))
                .startBeforeActivity("UserTask_RevisePackage").execute();
    }

    ProcessInstance start(HandoverRequest request, Authentication caller) {
        String customer = request.customerId();
        Messages.Texts texts = Messages.caller();
        if (customers.find(customer).isEmpty()) {
            throw new InvalidInputException(texts.text("handover.invalid"), List.of(new FieldProblem(HandoverVariables.CUSTOMER_ID,
                    texts.text("handover.request.unknownCustomer", customer))));
        }
        checkWorksFor(caller, customer);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(HandoverVariables.KEY).processInstanceBusinessKey(customer).count() > 0) {
            throw new ConflictException(texts.text("handover.request.running", customer) + ": GET /api/handovers/" + customer);
        }
        return runtime.createProcessInstanceByKey(HandoverVariables.KEY).businessKey(customer).setVariables(request.values()).execute();
    }

    /** The customer's latest handover, if the caller may see it. */
    Optional<HistoricProcessInstance> latest(String customer, Authentication caller) {
        checkWorksFor(caller, customer);
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(HandoverVariables.KEY).processInstanceBusinessKey(customer)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
    }

    /** Administrators, and members of the customer's tenant (its operators and design team); else 403. */
    void checkWorksFor(Authentication caller, String customer) {
        if (!workers.worksFor(caller, customer)) {
            throw new ForbiddenException(Messages.caller().text("handover.request.forbidden", customer));
        }
    }
}
