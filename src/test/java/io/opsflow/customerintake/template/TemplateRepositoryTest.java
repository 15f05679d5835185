package io.opsflow.customerintake.template;

import static io.opsflow.customerintake.template.TemplateFiles.TEMPLATE;
import static io.opsflow.customerintake.template.TemplateFiles.json;
import static io.opsflow.customerintake.template.TemplateFiles.names;
import static io.opsflow.customerintake.template.TemplateFiles.text;
import static io.opsflow.customerintake.template.TemplateFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The customer operations repository template (processes/intake/template): its files parse, the two
 * files opsflow writes match main.bicep and the schemas, and the CircleCI configuration hangs together.
 * Bicep itself cannot be compiled on this machine (see the template's README, "Checking").
 */
class TemplateRepositoryTest {

    private static final Pattern PARAM = Pattern.compile("(?m)^param (\\w+) ");
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource \\w+ '([\\w./]+)@([\\w-]+)' = \\{$");

    @Test
    void everyFileOfTheTemplateExistsAndParses() {
        for (String json : List.of("opsflow.json", "infra/main.parameters.json", "schemas/opsflow.schema.json",
                "schemas/main.parameters.schema.json", "schemas/examples/opsflow.json", "schemas/examples/main.parameters.json")) {
            assertThat(json(json).isObject()).as(json).isTrue();
        }
        assertThat(yaml(".circleci/config.yml").path("version").asText()).isEqualTo("2.1");
        assertThat(yaml(".circleci/deploy.yml").path("version").asText()).isEqualTo("2.1");
        assertThat(text("infra/main.bicep")).contains("targetScope = 'subscription'");
        assertThat(text("infra/modules/operations.bicep")).contains("targetScope = 'resourceGroup'");
        assertThat(text("README.md")).contains("概要（日本語）", "is_template", "CIRCLE_OIDC_TOKEN_V2", "## Checking");
    }

    @Test
    void theProcessesDeploymentFindsNoModelInTheTemplate() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.matches(".*\\.(bpmn|dmn|cmmn|form)$"));
        }
    }

    @Test
    void theParametersFileDeclaresExactlyTheParametersOfMainBicep() {
        Set<String> declared = params(text("infra/main.bicep"));
        assertThat(declared).containsExactly("customerId", "location", "resourceGroupName", "automationAccountName",
                "workspaceName", "actionGroupName", "actionGroupShortName", "opsflowWebhookUrl", "opsflowAppObjectId",
                "opsflowAppIdentifierUri", "tags");
        assertThat(names(json("infra/main.parameters.json").path("parameters"))).isEqualTo(declared);
        assertThat(names(json("schemas/examples/main.parameters.json").path("parameters"))).isEqualTo(declared);
        JsonNode schema = json("schemas/main.parameters.schema.json").path("properties").path("parameters");
        assertThat(names(schema.path("properties"))).isEqualTo(declared);
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theModuleExistsAndMainPassesItExactlyItsParameters() {
        String main = text("infra/main.bicep");
        Matcher module = Pattern.compile("(?ms)^module \\w+ '([^']+)' = \\{.*?^  params: \\{\\n(.*?)^  \\}").matcher(main);
        assertThat(module.find()).isTrue();
        assertThat(module.group(1)).isEqualTo("modules/operations.bicep");
        Set<String> passed = new LinkedHashSet<>();
        Pattern.compile("(?m)^    (\\w+): ").matcher(module.group(2)).results().forEach(match -> passed.add(match.group(1)));
        assertThat(passed).isEqualTo(params(text("infra/" + module.group(1))));
    }

    @Test
    void resourcesUseStableApiVersionsAndCarryTheTags() {
        List<String> resources = new ArrayList<>();
        for (String file : List.of("infra/main.bicep", "infra/modules/operations.bicep")) {
            String bicep = text(file);
            Matcher resource = RESOURCE.matcher(bicep);
            while (resource.find()) {
                resources.add(resource.group(1));
                assertThat(resource.group(2)).as(resource.group(1)).matches("\\d{4}-\\d{2}-\\d{2}");
                String body = bicep.substring(resource.end(), bicep.indexOf("\n}\n", resource.end()));
                assertThat(body).as(resource.group(1)).containsPattern("(?m)^  tags: (tags|resourceTags)$");
            }
        }
        assertThat(resources).containsExactlyInAnyOrder("Microsoft.Resources/resourceGroups", "Microsoft.Automation/automationAccounts",
                "Microsoft.OperationalInsights/workspaces", "Microsoft.Insights/actionGroups");
        assertThat(text("infra/modules/operations.bicep")).contains("type: 'SystemAssigned'", "name: 'opsflow'",
                "serviceUri: opsflowWebhookUrl", "useCommonAlertSchema: true", "useAadAuth: true",
                "objectId: opsflowAppObjectId", "identifierUri: opsflowAppIdentifierUri", "@maxLength(12)\nparam actionGroupShortName");
    }

    @Test
    void circleCiWorkflowsNameOnlyDefinedJobs() {
        for (String file : List.of(".circleci/config.yml", ".circleci/deploy.yml")) {
            JsonNode config = yaml(file);
            Set<String> defined = names(config.path("jobs"));
            config.path("workflows").fields().forEachRemaining(workflow -> {
                Set<String> inWorkflow = new LinkedHashSet<>();
                for (JsonNode entry : workflow.getValue().path("jobs")) {
                    String name = entry.isTextual() ? entry.asText() : entry.fieldNames().next();
                    JsonNode settings = entry.path(name);
                    if (!"approval".equals(settings.path("type").asText())) {
                        assertThat(defined).as(file + " " + workflow.getKey()).contains(name);
                    }
                    settings.path("requires").forEach(required -> assertThat(inWorkflow).as(file + " " + name).contains(required.asText()));
                    inWorkflow.add(name);
                }
            });
        }
    }

    @Test
    void theSetupJobReadsOpsflowJsonAndContinuesWithTheDeployConfiguration() {
        JsonNode setup = yaml(".circleci/config.yml");
        JsonNode deploy = yaml(".circleci/deploy.yml");
        assertThat(setup.path("setup").asBoolean()).isTrue();
        assertThat(names(setup.path("workflows"))).as("a setup configuration runs one workflow").hasSize(1);
        String setupText = text(".circleci/config.yml");
        assertThat(setupText).contains("configuration_path: .circleci/deploy.yml", "continuation/finish", "opsflow.json");

        Set<String> setupParameters = names(setup.path("parameters"));
        Set<String> deployParameters = names(deploy.path("parameters"));
        assertThat(deployParameters).as("setup parameters are declared again").containsAll(setupParameters);
        assertThat(usedParameters(setupText)).isSubsetOf(setupParameters);
        assertThat(usedParameters(text(".circleci/deploy.yml"))).isSubsetOf(deployParameters);

        Matcher passed = Pattern.compile("(?s)jq '\\{(.*?)\\}' opsflow.json").matcher(setupText);
        assertThat(passed.find()).isTrue();
        Set<String> continued = new LinkedHashSet<>();
        Pattern.compile("\"([a-z-]+)\":").matcher(passed.group(1)).results().forEach(match -> continued.add(match.group(1)));
        Set<String> expected = new LinkedHashSet<>(deployParameters);
        expected.removeAll(setupParameters);
        assertThat(continued).as("exactly the parameters only the setup job sets").isEqualTo(expected);
    }

    @Test
    void deploymentRunsOnlyOnProductionSignedInWithOidcAndBehindTheRunFlag() {
        JsonNode deploy = yaml(".circleci/deploy.yml");
        assertThat(names(deploy.path("workflows"))).containsExactly("deploy", "deploy-with-approval");
        deploy.path("workflows").forEach(workflow -> assertThat(workflow.path("when").toString())
                .contains("[\"production\",\"<< pipeline.git.branch >>\"]", "pipeline.parameters.require-approval"));
        JsonNode approval = deploy.path("workflows").path("deploy-with-approval").path("jobs");
        assertThat(approval.get(1).path("hold").path("type").asText()).isEqualTo("approval");
        assertThat(approval.get(2).path("deploy").path("requires").get(0).asText()).isEqualTo("hold");
        deploy.path("workflows").forEach(workflow -> workflow.path("jobs").forEach(entry -> entry.fields().forEachRemaining(job -> {
            if (!job.getKey().equals("hold")) {
                assertThat(job.getValue().path("context").asText()).as(job.getKey()).isEqualTo("opsflow-azure");
            }
        })));

        for (String job : List.of("validate", "deploy")) {
            List<String> steps = new ArrayList<>();
            deploy.path("jobs").path(job).path("steps").forEach(step -> steps.add(step.isTextual() ? step.asText() : step.fieldNames().next()));
            assertThat(steps).as(job).containsSubsequence("checkout", "halt-unless-run", "azure-sign-in");
        }
        String signIn = commands(deploy.path("commands").path("azure-sign-in"));
        assertThat(signIn).contains("az login --service-principal -u \"$AZURE_CLIENT_ID\" --tenant \"$AZURE_TENANT_ID\" "
                + "--federated-token \"$CIRCLE_OIDC_TOKEN_V2\"", "az account set --subscription \"$DEPLOY_SUBSCRIPTION_ID\"");
        assertThat(deploy.path("executors").path("azure-cli").path("environment").path("DEPLOY_SUBSCRIPTION_ID").asText())
                .isEqualTo("<< pipeline.parameters.subscription-id >>");
        assertThat(commands(deploy.path("commands").path("halt-unless-run"))).isEqualTo("circleci-agent step halt");
        assertThat(commands(deploy.path("jobs").path("deploy"))).contains("az deployment sub create",
                "--template-file infra/main.bicep --parameters @infra/main.parameters.json");
        assertThat(commands(deploy.path("jobs").path("validate"))).contains("az bicep build --file infra/main.bicep",
                "az deployment sub what-if", "--template-file infra/main.bicep --parameters @infra/main.parameters.json");
    }

    @Test
    void parametersReachScriptsAsVariablesNeverAsShellText() {
        for (String file : List.of(".circleci/config.yml", ".circleci/deploy.yml")) {
            assertThat(commands(yaml(file))).as(file).doesNotContain("<< pipeline.parameters.");
        }
    }

    @Test
    void theExamplesValidateAgainstTheSchemas() {
        assertThat(JsonSchemaSubset.violations(json("schemas/opsflow.schema.json"), json("schemas/examples/opsflow.json"))).isEmpty();
        assertThat(JsonSchemaSubset.violations(json("schemas/main.parameters.schema.json"), json("schemas/examples/main.parameters.json"))).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatOpsflowMustNotWrite() {
        JsonNode opsflow = json("schemas/opsflow.schema.json");
        assertThat(broken(opsflow, "schemas/examples/opsflow.json", file -> file.put("customerId", "Acme"))).containsExactly("/customerId: does not match ^[a-z][a-z0-9-]{1,30}$");
        assertThat(broken(opsflow, "schemas/examples/opsflow.json", file -> file.put("subscriptionId", "acme-sub"))).hasSize(1).allMatch(v -> v.startsWith("/subscriptionId: does not match"));
        assertThat(broken(opsflow, "schemas/examples/opsflow.json", file -> file.put("run", "true"))).containsExactly("/run: must be of type boolean");
        assertThat(broken(opsflow, "schemas/examples/opsflow.json", file -> file.remove("requireApproval"))).containsExactly(": missing requireApproval");
        assertThat(broken(opsflow, "schemas/examples/opsflow.json", file -> file.put("branch", "production"))).containsExactly("/branch: not allowed");

        JsonNode parameters = json("schemas/main.parameters.schema.json");
        String example = "schemas/examples/main.parameters.json";
        assertThat(broken(parameters, example, file -> value(file, "opsflowWebhookUrl").put("value", "http://opsflow.example/webhooks/azure-monitor/acme")))
                .hasSize(1).allMatch(v -> v.startsWith("/parameters/opsflowWebhookUrl/value: does not match"));
        assertThat(broken(parameters, example, file -> value(file, "actionGroupShortName").put("value", "opsflow-acme1")))
                .containsExactly("/parameters/actionGroupShortName/value: longer than 12");
        assertThat(broken(parameters, example, file -> ((ObjectNode) file.path("parameters")).remove("tags"))).containsExactly("/parameters: missing tags");
        assertThat(broken(parameters, example, file -> value(file, "tags").putObject("value").put("cost-centre", 42)))
                .containsExactly("/parameters/tags/value/cost-centre: must be of type string");
        assertThat(broken(parameters, example, file -> value(file, "location").put("reference", "x"))).containsExactly("/parameters/location/reference: not allowed");
        assertThat(broken(parameters, example, file -> ((ObjectNode) file.path("parameters")).putObject("extra").put("value", 1)))
                .containsExactly("/parameters/extra: not allowed");
    }

    @Test
    void theTemplatesOwnFilesHaveTheShapeButNoCustomerYet() {
        JsonNode opsflow = json("opsflow.json");
        assertThat(opsflow.path("run").booleanValue()).as("a push of the template itself deploys nothing").isFalse();
        assertThat(JsonSchemaSubset.violations(json("schemas/opsflow.schema.json"), opsflow))
                .hasSize(2).allMatch(v -> v.startsWith("/customerId: does not match") || v.startsWith("/subscriptionId: does not match"));
        assertThat(JsonSchemaSubset.violations(json("schemas/main.parameters.schema.json"), json("infra/main.parameters.json")))
                .as("only the <customer-id> placeholders are off").isNotEmpty().allMatch(v -> v.contains(": does not match "));
    }

    private static List<String> broken(JsonNode schema, String example, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) json(example).deepCopy();
        change.accept(copy);
        return JsonSchemaSubset.violations(schema, copy);
    }

    private static ObjectNode value(ObjectNode parametersFile, String parameter) {
        return (ObjectNode) parametersFile.path("parameters").path(parameter);
    }

    private static Set<String> params(String bicep) {
        Set<String> names = new LinkedHashSet<>();
        PARAM.matcher(bicep).results().forEach(match -> names.add(match.group(1)));
        return names;
    }

    private static Set<String> usedParameters(String config) {
        Set<String> names = new LinkedHashSet<>();
        Pattern.compile("<< pipeline\\.parameters\\.([\\w-]+) >>").matcher(config).results().forEach(match -> names.add(match.group(1)));
        return names;
    }

    /** Every {@code run} command under a job or command, joined; line continuations folded into one line. */
    private static String commands(JsonNode node) {
        List<String> commands = new ArrayList<>();
        node.findValues("run").forEach(run -> commands.add(run.isTextual() ? run.asText() : run.path("command").asText()));
        return String.join("\n", commands).replaceAll("\\s*\\\\\\n\\s*", " ").strip();
    }
}
