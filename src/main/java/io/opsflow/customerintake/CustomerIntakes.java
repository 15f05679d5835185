package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import io.opsflow.api.ConflictException;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.intake.InboundDeliveries;
import io.opsflow.intake.Intake;
import io.opsflow.intake.IntakeResult;
import io.opsflow.messages.Messages;

/**
 * The one way a customer intake starts, from {@code POST /api/intakes} or a ServiceNow "new customer"
 * requested item: the fields checked as the start form's, no second intake for a customer in the
 * registry or with one running, and a requested item's redelivery or later change never a second start.
 */
@Service
public class CustomerIntakes {

    static final String SOURCE = "servicenow";

    private final RuntimeService runtime;
    private final CustomerRegistry customers;
    private final Intake intake;
    private final String catalogItem;

    CustomerIntakes(RuntimeService runtime, CustomerRegistry customers, Intake intake, IntakeProperties properties) {
        this.runtime = runtime;
        this.customers = customers;
        this.intake = intake;
        this.catalogItem = properties.serviceNowCatalogItem();
    }

    /** Whether a requested item's catalog item (by sys_id or name) is the configured "new customer" item. */
    public boolean isNewCustomerItem(String catItemSysId, String catItemName) {
        return catalogItem != null && !catalogItem.isBlank()
                && (catalogItem.equals(catItemSysId) || catalogItem.equalsIgnoreCase(String.valueOf(catItemName)));
    }

    public IntakeResult receive(NewCustomerRequest request) {
        return intake.receive(request, new Intake.Handling<>() {
            @Override
            public Intake.Delivery delivery(NewCustomerRequest event) {
                return new Intake.Delivery(event.deliveryId(), SOURCE, event.sysId(), null);
            }

            @Override
            public IntakeResult handle(NewCustomerRequest event, InboundDeliveries.History history) {
                List<ProcessInstance> started = runtime.createProcessInstanceQuery().processDefinitionKey(IntakeProcess.KEY)
                        .variableValueEquals(SERVICE_NOW_REQUEST_SYS_ID, event.sysId()).list();
                if (!started.isEmpty()) {
                    return new IntakeResult(IntakeResult.Outcome.CORRELATED, started.get(0).getId(), started.get(0).getBusinessKey());
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                event.variables().forEach((name, value) -> {
                    if (REQUEST.contains(name) && value != null && !value.isBlank()) {
                        fields.put(name, LIGHTHOUSE.equals(name) ? Boolean.valueOf(value.strip()) : value);
                    }
                });
                Map<String, Object> origin = Map.of(SERVICE_NOW_REQUEST_SYS_ID, event.sysId(), SERVICE_NOW_REQUEST_NUMBER, event.number());
                ProcessInstance instance = start(IntakeRequest.of(fields), origin);
                return new IntakeResult(IntakeResult.Outcome.STARTED, instance.getId(), instance.getBusinessKey());
            }
        });
    }

    /** Starts the intake of checked fields, refused when the customer exists or has an intake running. */
    ProcessInstance start(IntakeRequest request, Map<String, Object> origin) {
        String customer = request.text(CUSTOMER_ID);
        if (customers.find(customer).isPresent()) {
            throw new ConflictException(Messages.caller().text("intake.problem.customerExists", customer));
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(IntakeProcess.KEY).processInstanceBusinessKey(customer).count() > 0) {
            throw new ConflictException(Messages.caller().text("intake.problem.intakeRunning", customer) + ": GET /api/intakes/" + customer);
        }
        Map<String, Object> variables = new LinkedHashMap<>(request.values());
        variables.putAll(origin);
        return runtime.createProcessInstanceByKey(IntakeProcess.KEY).businessKey(customer).setVariables(variables).execute();
    }
}
