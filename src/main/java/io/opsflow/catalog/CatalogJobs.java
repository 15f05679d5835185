package io.opsflow.catalog;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The RITM's catalog variables as the intake stored them, read by the validation and again before
 * each runbook job. The job itself runs in the runbook-job call activity.
 */
final class CatalogJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogJobs() {
    }

    static Map<String, String> ritmVariables(DelegateExecution execution) {
        try {
            return JSON.readValue((String) execution.getVariable(CatalogVariables.RITM_VARIABLES), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ritmVariables is not a JSON object", e);
        }
    }
}
