package io.opsflow.runbook;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * The Automation jobs of the instance's customer, read from the registry at each step so that a
 * corrected registry helps a retried job. The steps of runbook-job see jobs only through this.
 */
@Component
class RunbookJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerRegistry customers;
    private final AutomationJobs jobs;

    RunbookJobs(CustomerRegistry customers, AutomationJobs jobs) {
        this.customers = customers;
        this.jobs = jobs;
    }

    void start(DelegateExecution execution, String jobName) {
        jobs.start(customer(execution), jobName, (String) execution.getVariable(RunbookJobVariables.RUNBOOK), parameters(execution));
    }

    AutomationJob get(DelegateExecution execution, String jobName) {
        return jobs.get(customer(execution), jobName);
    }

    String output(DelegateExecution execution, String jobName) {
        return jobs.output(customer(execution), jobName);
    }

    String errors(DelegateExecution execution, String jobName) {
        return jobs.errors(customer(execution), jobName);
    }

    /** Stops the job unless it has ended or was never created (cancelled before its start step ran). */
    void stopIfRunning(DelegateExecution execution, String jobName) {
        Customer customer = customer(execution);
        try {
            if (!jobs.get(customer, jobName).status().isFinal()) {
                jobs.stop(customer, jobName);
            }
        } catch (ArmNotFoundException neverStarted) {
            // nothing to stop
        }
    }

    private Customer customer(DelegateExecution execution) {
        String id = (String) execution.getVariable(RunbookJobVariables.CUSTOMER_ID);
        Customer customer = customers.find(id).orElseThrow(() -> new IllegalStateException("Customer '" + id + "' is not in the registry"));
        if (customer.azure() == null || customer.azure().automationAccount() == null) {
            throw new IllegalStateException("Customer '" + id + "' has no Automation account in the registry");
        }
        return customer;
    }

    private static Map<String, String> parameters(DelegateExecution execution) {
        Object json = execution.getVariable(RunbookJobVariables.RUNBOOK_PARAMETERS);
        if (json == null || json.toString().isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json.toString(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("runbookParameters is not a JSON object of strings", e);
        }
    }
}
