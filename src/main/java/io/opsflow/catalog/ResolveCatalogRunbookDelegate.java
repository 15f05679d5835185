package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.JobNames;

/**
 * What runbook-job is called with, right before each call. The runbook and its parameters are
 * derived again from the item's catalog definition and the RITM's variables, never taken from the
 * {@code runbook} / {@code runbookParameters} process variables: those are shown on forms, and a task
 * completion may submit any variable. The job name comes from this step and the attempt number, so a
 * retried start finds the job it already started, only an operator's "retry" makes a new one, and a
 * cancellation can stop it. An async step of its own, so that a RITM that no longer passes its
 * definition is an incident here, at the step that says so.
 */
@Component
class ResolveCatalogRunbookDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestValidation validation;

    ResolveCatalogRunbookDelegate(RequestValidation validation) {
        this.validation = validation;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        RequestValidation.Valid request = validRequest(execution);
        // What the notes, forms and incident show is what is started.
        execution.setVariable(RUNBOOK, request.definition().runbook());
        execution.setVariable(RUNBOOK_PARAMETERS, JSON.writeValueAsString(new LinkedHashMap<>(request.parameters())));
        execution.setVariable(JOB_NAME, JobNames.forStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                "attempt-" + execution.getVariable(FULFILMENT_ATTEMPT)));
    }

    private RequestValidation.Valid validRequest(DelegateExecution execution) {
        RequestValidation.Result result = validation.validate((String) execution.getVariable(CAT_ITEM_SYS_ID),
                (String) execution.getVariable(CAT_ITEM_NAME), CatalogJobs.ritmVariables(execution));
        if (!(result instanceof RequestValidation.Valid valid)) {
            throw new IllegalStateException("RITM " + execution.getVariable(RITM_NUMBER)
                    + " no longer passes its catalog definition; nothing is started: " + result);
        }
        if (!valid.definition().id().equals(execution.getVariable(CATALOG_ITEM_ID))) {
            throw new IllegalStateException("RITM " + execution.getVariable(RITM_NUMBER) + " was validated as catalog item "
                    + execution.getVariable(CATALOG_ITEM_ID) + " but now resolves to " + valid.definition().id() + "; nothing is started");
        }
        return valid;
    }
}
