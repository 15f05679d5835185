package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.intake.InboundDeliveries;
import io.opsflow.intake.Intake;
import io.opsflow.intake.IntakeResult;

/**
 * Starts a service-catalog-request for a new requested item and passes later changes to it: a
 * RITM closed as incomplete or skipped in ServiceNow (the requester cancelled) stops the request.
 * It plugs into the {@link Intake}, which records each delivery with its outcome, so it is never run twice.
 */
@Service
class CatalogRequests implements CatalogIntake, Intake.Handling<ServiceNowRequestItemEvent> {

    static final String MOD_COUNT = "ritmModCount";
    static final String APPROVED_IN_SERVICENOW = "approvedInServiceNow";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeService runtime;
    private final Intake intake;

    CatalogRequests(RuntimeService runtime, Intake intake) {
        this.runtime = runtime;
        this.intake = intake;
    }

    @Override
    public IntakeResult receive(ServiceNowRequestItemEvent event) {
        return intake.receive(event, this);
    }

    @Override
    public Intake.Delivery delivery(ServiceNowRequestItemEvent event) {
        return new Intake.Delivery(event.deliveryId(), "servicenow", event.sysId(), null);
    }

    @Override
    public IntakeResult handle(ServiceNowRequestItemEvent event, InboundDeliveries.History history) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(RITM_SYS_ID, event.sysId()).list();
        return running.isEmpty() ? open(event) : update(running.get(0), event);
    }

    private IntakeResult update(ProcessInstance instance, ServiceNowRequestItemEvent event) {
        if (!intake.newerChange(instance.getId(), MOD_COUNT, event.modCount())) {
            return new IntakeResult(IntakeResult.Outcome.STALE, instance.getId(), instance.getBusinessKey());
        }
        if (event.item().state().isCancelled()) {
            runtime.createMessageCorrelation(MESSAGE_REQUEST_ITEM_CANCELLED).processInstanceId(instance.getId()).correlateWithResult();
        }
        return new IntakeResult(IntakeResult.Outcome.CORRELATED, instance.getId(), instance.getBusinessKey());
    }

    private IntakeResult open(ServiceNowRequestItemEvent event) {
        if (event.item().state().isClosed()) {
            return new IntakeResult(IntakeResult.Outcome.STALE, null, event.number());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CustomerTenantIdProvider.CUSTOMER_ID, event.customerId());
        variables.put(RITM_SYS_ID, event.sysId());
        variables.put(RITM_NUMBER, event.number());
        variables.put(CAT_ITEM_SYS_ID, event.item().catItem());
        variables.put(CAT_ITEM_NAME, event.catItemName());
        variables.put(REQUESTED_FOR, event.item().requestedFor());
        variables.put(REQUESTED_FOR_NAME, event.displayValues().getOrDefault("requested_for", ""));
        variables.put(MOD_COUNT, event.modCount());
        variables.put(APPROVED_IN_SERVICENOW, event.item().approved());
        try {
            variables.put(RITM_VARIABLES, JSON.writeValueAsString(event.variables()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Catalog variables cannot be written as JSON", e);
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(event.number())
                .setVariables(variables).execute();
        return new IntakeResult(IntakeResult.Outcome.STARTED, instance.getId(), instance.getBusinessKey());
    }
}
