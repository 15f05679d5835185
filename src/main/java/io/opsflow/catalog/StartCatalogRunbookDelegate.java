package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.AutomationJobs;
import io.opsflow.azure.JobNames;

/**
 * Starts the runbook. The job name comes from this step and the attempt number, so a job retry
 * after a lost answer finds the job it already started; only an operator's "retry" makes a new one.
 * The runbook and its parameters are derived again at every start from the item's catalog definition
 * and the RITM's variables, never read from the {@code runbook} / {@code runbookParameters} process
 * variables: those are shown on forms, and a task completion may submit any variable.
 */
@Component
class StartCatalogRunbookDelegate implements JavaDelegate {

    static final Duration FIRST_POLL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogJobs catalogJobs;
    private final RequestValidation validation;
    private final AutomationJobs jobs;

    StartCatalogRunbookDelegate(CatalogJobs catalogJobs, RequestValidation validation, AutomationJobs jobs) {
        this.catalogJobs = catalogJobs;
        this.validation = validation;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        RequestValidation.Valid request = validRequest(execution);
        String runbook = request.definition().runbook();
        String jobName = JobNames.forStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                "attempt-" + execution.getVariable(FULFILMENT_ATTEMPT));
        jobs.start(catalogJobs.customer(execution), jobName, runbook, request.parameters());
        Duration timeout = Duration.parse((String) execution.getVariable(FULFILMENT_TIMEOUT));
        // What the notes, forms and incident show is what was started.
        execution.setVariable(RUNBOOK, runbook);
        execution.setVariable(RUNBOOK_PARAMETERS, JSON.writeValueAsString(new LinkedHashMap<>(request.parameters())));
        execution.setVariable(JOB_NAME, jobName);
        execution.setVariable(JOB_POLL_INTERVAL, FIRST_POLL.toString());
        execution.setVariable(FULFILMENT_DEADLINE, new Date(ClockUtil.getCurrentTime().getTime() + timeout.toMillis()));
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
