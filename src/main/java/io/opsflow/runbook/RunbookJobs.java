package io.opsflow.runbook;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/** What the runbook-job steps share: the customer with its Automation account, and the parameters. */
@Component
class RunbookJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerRegistry customers;

    RunbookJobs(CustomerRegistry customers) {
        this.customers = customers;
    }

    /** Read from the registry at each step, so a corrected registry helps a retried job. */
    Customer customer(DelegateExecution execution) {
        String id = (String) execution.getVariable(RunbookJobVariables.CUSTOMER_ID);
        Customer customer = customers.find(id).orElseThrow(() -> new IllegalStateException("Customer '" + id + "' is not in the registry"));
        if (customer.azure() == null || customer.azure().automationAccount() == null) {
            throw new IllegalStateException("Customer '" + id + "' has no Automation account in the registry");
        }
        return customer;
    }

    static Map<String, String> parameters(DelegateExecution execution) {
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
