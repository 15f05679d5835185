package io.opsflow.catalog;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.system.CustomerTenantIdProvider;

/** What the fulfilment steps share: the request's customer and its RITM variables. */
@Component
class CatalogJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerRegistry customers;

    CatalogJobs(CustomerRegistry customers) {
        this.customers = customers;
    }

    Customer customer(DelegateExecution execution) {
        String id = (String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID);
        Customer customer = customers.find(id).orElseThrow(() -> new IllegalStateException("Customer '" + id + "' is not in the registry"));
        if (customer.azure() == null || customer.azure().automationAccount() == null) {
            throw new IllegalStateException("Customer '" + id + "' has no Automation account in the registry");
        }
        return customer;
    }

    /** The RITM's catalog variables as the intake stored them. */
    static Map<String, String> ritmVariables(DelegateExecution execution) {
        try {
            return JSON.readValue((String) execution.getVariable(CatalogVariables.RITM_VARIABLES), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ritmVariables is not a JSON object", e);
        }
    }
}
