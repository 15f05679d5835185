package io.opsflow.incident;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.azure.AutomationJobs;
import io.opsflow.azure.JobNames;
import io.opsflow.customer.Customer;

/**
 * Starts the mapped diagnostic runbook in the customer's Automation account. The job name comes
 * from this step, so a retried start finds the same job instead of running the runbook twice.
 */
@Component
class StartDiagnosticRunbookDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final AutomationJobs jobs;
    private final IncidentProperties properties;

    StartDiagnosticRunbookDelegate(IncidentContext context, AutomationJobs jobs, IncidentProperties properties) {
        this.context = context;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(IncidentVariables.DIAGNOSTIC_POLL_INTERVAL, properties.diagnosticPollInterval().toString());
        Customer customer = context.customer(execution);
        String runbook = (String) execution.getVariable(IncidentVariables.DIAGNOSTIC_RUNBOOK);
        if (customer.azure() == null || customer.azure().automationAccount() == null) {
            execution.setVariable(IncidentVariables.DIAGNOSTIC_NOTE,
                    "診断 Runbook " + runbook + " は実行できません: Automation アカウント未登録 / cannot run: the customer has no Automation account");
            return;
        }
        String jobName = JobNames.forStep(execution.getProcessInstanceId(), execution.getCurrentActivityId());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AlertId", (String) execution.getVariable(IncidentVariables.ALERT_ID));
        parameters.put("TargetResource", (String) execution.getVariable(IncidentVariables.TARGET_RESOURCE));
        parameters.values().removeIf(v -> v == null);
        jobs.start(customer, jobName, runbook, parameters);
        execution.setVariable(IncidentVariables.DIAGNOSTIC_JOB_NAME, jobName);
        execution.setVariable(IncidentVariables.DIAGNOSTIC_DEADLINE,
                new Date(ClockUtil.getCurrentTime().getTime() + properties.diagnosticTimeout().toMillis()));
    }
}
