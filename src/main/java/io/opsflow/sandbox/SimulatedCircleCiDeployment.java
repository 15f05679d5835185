package io.opsflow.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.sandbox.SimulatedGitHubRepository.Commit;

/**
 * What the template's Bicep deployment does, done in the {@link ArmSimulator}: reads {@code opsflow.json} and
 * {@code infra/main.parameters.json} of the revision and, when {@code run} is true, creates the customer's
 * resource group, Automation account, Log Analytics workspace and action group (its webhook receiver pointing
 * at opsflow with Entra authentication).
 */
final class SimulatedCircleCiDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedCircleCiDeployment() {
    }

    /** @return null when the deployment succeeded (or was not asked for), else why it failed, as a job's log would say */
    static String deploy(Commit revision, ArmSimulator arm) {
        JsonNode settings;
        JsonNode parameters;
        try {
            settings = read(revision, "opsflow.json");
            if (!settings.path("run").isBoolean()) {
                return "opsflow.json: \"run\" must be true or false";
            }
            if (!settings.path("run").asBoolean()) {
                return null;
            }
            parameters = read(revision, "infra/main.parameters.json").path("parameters");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String subscription = settings.path("subscriptionId").asText();
        String location = settings.path("location").asText(parameters.at("/location/value").asText());
        String group = "/subscriptions/" + subscription + "/resourceGroups/" + value(parameters, "resourceGroupName");
        arm.seed(group, location);
        arm.seed(group + "/providers/Microsoft.Automation/automationAccounts/" + value(parameters, "automationAccountName"), location,
                Map.of("sku", Map.of("name", "Basic"), "state", "Ok"));
        arm.seed(group + "/providers/Microsoft.OperationalInsights/workspaces/" + value(parameters, "workspaceName"), location,
                Map.of("sku", Map.of("name", "PerGB2018"), "retentionInDays", 30));
        arm.seed(group + "/providers/Microsoft.Insights/actionGroups/" + value(parameters, "actionGroupName"), "Global", Map.of(
                "groupShortName", value(parameters, "actionGroupShortName"), "enabled", true,
                "webhookReceivers", List.of(Map.of("name", "opsflow", "serviceUri", value(parameters, "opsflowWebhookUrl"),
                        "useCommonAlertSchema", true, "useAadAuth", true,
                        "objectId", value(parameters, "opsflowAppObjectId"),
                        "identifierUri", value(parameters, "opsflowAppIdentifierUri")))));
        return null;
    }

    /** Whether the revision's {@code opsflow.json} asks for an approval before the deployment. */
    static boolean requiresApproval(Commit revision) {
        try {
            return read(revision, "opsflow.json").path("requireApproval").asBoolean(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode read(Commit revision, String path) {
        byte[] file = revision.files().get(path);
        if (file == null) {
            throw new IllegalArgumentException(path + " is missing at " + revision.sha());
        }
        try {
            return JSON.readTree(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " is not JSON: " + e.getMessage());
        }
    }

    private static String value(JsonNode parameters, String name) {
        return parameters.path(name).path("value").asText();
    }
}
