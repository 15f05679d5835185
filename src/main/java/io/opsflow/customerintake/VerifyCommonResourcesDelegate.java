package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.azure.AzureResources;
import io.opsflow.customer.Customer;

/**
 * What the template promises, read back from ARM with the identity opsflow will operate with: the resource
 * group, the Automation account, the Log Analytics workspace, and the action group with a receiver calling
 * this customer's opsflow webhook. What is missing is listed for a person.
 */
@Component
public class VerifyCommonResourcesDelegate implements JavaDelegate {

    static final String AUTOMATION_API = "2023-11-01";
    static final String WORKSPACE_API = "2023-09-01";
    static final String ACTION_GROUP_API = "2023-01-01";

    private final AzureResources resources;
    private final IntakeIdentities identities;
    private final IntakeProperties properties;

    public VerifyCommonResourcesDelegate(AzureResources resources, IntakeIdentities identities, IntakeProperties properties) {
        this.resources = resources;
        this.identities = identities;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = identities.operating(execution);
        String id = IntakeSteps.required(execution, CUSTOMER_ID);
        String subscription = IntakeSteps.required(execution, AZURE_SUBSCRIPTION_ID);
        String group = "/subscriptions/" + subscription + "/resourceGroups/" + RepositoryFiles.resourceGroup(id);
        List<String> missing = new ArrayList<>();
        if (!resources.resourceGroupExists(customer, subscription, RepositoryFiles.resourceGroup(id))) {
            missing.add(group);
        } else {
            check(customer, group + "/providers/Microsoft.Automation/automationAccounts/" + RepositoryFiles.automationAccount(id),
                    AUTOMATION_API, missing);
            check(customer, group + "/providers/Microsoft.OperationalInsights/workspaces/" + RepositoryFiles.workspace(id),
                    WORKSPACE_API, missing);
            String actionGroup = group + "/providers/Microsoft.Insights/actionGroups/" + RepositoryFiles.actionGroup(id);
            Optional<JsonNode> found = resources.resource(customer, actionGroup, ACTION_GROUP_API);
            String webhook = RepositoryFiles.webhookUrl(properties, id);
            if (found.isEmpty()) {
                missing.add(actionGroup);
            } else if (!callsOpsflow(found.get(), webhook)) {
                missing.add(actionGroup + " (no webhook receiver calling " + webhook + ")");
            }
        }
        execution.setVariable(MISSING_RESOURCES, String.join("\n", missing));
        execution.setVariable(RESOURCES_COMPLETE, missing.isEmpty());
        if (!missing.isEmpty()) {
            execution.setVariable(INTAKE_PROBLEM, IntakeTexts.reason(execution, "resourcesMissing", subscription) + "\n" + String.join("\n", missing));
        }
    }

    private void check(Customer customer, String resourceId, String apiVersion, List<String> missing) {
        if (!resources.resourceExists(customer, resourceId, apiVersion)) {
            missing.add(resourceId);
        }
    }

    private static boolean callsOpsflow(JsonNode actionGroup, String webhook) {
        for (JsonNode receiver : actionGroup.path("properties").path("webhookReceivers")) {
            String uri = receiver.path("serviceUri").asText("");
            if (uri.equals(webhook) || uri.startsWith(webhook + "?")) {
                return true;
            }
        }
        return false;
    }
}
