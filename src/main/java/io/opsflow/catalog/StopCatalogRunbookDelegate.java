package io.opsflow.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AutomationJobs;

/** The requester cancelled in ServiceNow: stop the runbook if one was started. */
@Component
class StopCatalogRunbookDelegate implements JavaDelegate {

    private final CatalogJobs catalogJobs;
    private final AutomationJobs jobs;

    StopCatalogRunbookDelegate(CatalogJobs catalogJobs, AutomationJobs jobs) {
        this.catalogJobs = catalogJobs;
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobName = (String) execution.getVariable(CatalogVariables.JOB_NAME);
        if (jobName != null && !jobs.get(catalogJobs.customer(execution), jobName).status().isFinal()) {
            jobs.stop(catalogJobs.customer(execution), jobName);
        }
    }
}
