package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two files opsflow writes into a customer's operations repository (their schemas are in the
 * template, {@code processes/intake/template/schemas/}): {@code opsflow.json}, the deploy target and the run
 * flag, and {@code infra/main.parameters.json}, the Bicep parameters. Names follow one rule per customer; the
 * handover's apply step finds the operations resources by the same public names.
 */
public final class RepositoryFiles {

    static final String TARGET = "opsflow.json";
    static final String PARAMETERS = "infra/main.parameters.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RepositoryFiles() {
    }

    public static String resourceGroup(String customer) {
        return "rg-" + customer + "-ops";
    }

    static String automationAccount(String customer) {
        return "aa-" + customer + "-ops";
    }

    public static String workspace(String customer) {
        return "log-" + customer + "-ops";
    }

    public static String actionGroup(String customer) {
        return "ag-" + customer + "-opsflow";
    }

    public static String webhookUrl(IntakeProperties properties, String customer) {
        String base = properties.opsflowUrl().endsWith("/") ? properties.opsflowUrl() : properties.opsflowUrl() + "/";
        return base + "webhooks/azure-monitor/" + customer;
    }

    static byte[] target(DelegateExecution execution) {
        ObjectNode target = JSON.createObjectNode();
        target.put("customerId", IntakeSteps.required(execution, CUSTOMER_ID));
        target.put("subscriptionId", IntakeSteps.required(execution, AZURE_SUBSCRIPTION_ID));
        target.put("location", IntakeSteps.required(execution, AZURE_REGION));
        target.put("run", true);
        target.put("requireApproval", false);
        return bytes(target);
    }

    static byte[] parameters(DelegateExecution execution, IntakeProperties properties, IntakeProperties.Lighthouse lighthouse) {
        String customer = IntakeSteps.required(execution, CUSTOMER_ID);
        ObjectNode file = JSON.createObjectNode();
        file.put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#");
        file.put("contentVersion", "1.0.0.0");
        ObjectNode parameters = file.putObject("parameters");
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("customerId", customer);
        values.put("location", IntakeSteps.required(execution, AZURE_REGION));
        values.put("resourceGroupName", resourceGroup(customer));
        values.put("automationAccountName", automationAccount(customer));
        values.put("workspaceName", workspace(customer));
        values.put("actionGroupName", actionGroup(customer));
        values.put("actionGroupShortName", "opsflow");
        values.put("opsflowWebhookUrl", webhookUrl(properties, customer));
        values.put("opsflowAppObjectId", lighthouse.appObjectId() == null ? "" : lighthouse.appObjectId());
        values.put("opsflowAppIdentifierUri", lighthouse.appIdentifierUri());
        values.forEach((name, value) -> parameters.putObject(name).put("value", value));
        ObjectNode tags = parameters.putObject("tags").putObject("value");
        tags.put("customer", customer);
        tags.put("managedBy", "opsflow");
        return bytes(file);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
