package io.opsflow.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.circleci.CircleCi;
import io.opsflow.circleci.Job;
import io.opsflow.circleci.Pipeline;
import io.opsflow.circleci.Workflow;
import io.opsflow.github.GitHub;
import io.opsflow.github.Merge;
import io.opsflow.github.Repository;
import io.opsflow.github.RepositoryExistsException;

/**
 * On a fresh clone (sandbox mode) the production GitHub and CircleCI adapters drive the simulators over HTTP
 * through the customer intake's steps: generate from the template, write the two files, merge into
 * production, follow the pipeline, find the deployed resources in the ARM simulator.
 */
@OpsflowSpringTest
class SandboxIntakeThroughAdaptersTest {

    private static final String TEMPLATE = "contoso-msp/azure-ops-template";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    GitHub github;
    @Autowired
    CircleCi circleci;
    @LocalServerPort
    int port;

    @Test
    void theIntakeDeploysTheCustomersCommonResources() throws Exception {
        String customer = "acme" + UUID.randomUUID().toString().substring(0, 6);
        String subscription = UUID.randomUUID().toString();
        String repo = generate(customer);
        writeFiles(repo, customer, subscription, false);

        Merge merge = github.mergeBranch("contoso-msp", repo, "production", "master", "opsflow: deploy " + customer);
        assertThat(merge.nothingToMerge()).isFalse();
        assertThat(github.mergeBranch("contoso-msp", repo, "production", "master", "again").nothingToMerge()).isTrue();

        Workflow done = followToTheEnd("gh/contoso-msp/" + repo, merge.sha());
        assertThat(done.status()).isEqualTo(Workflow.Status.SUCCESS);
        assertThat(done.url()).startsWith("https://app.circleci.com/pipelines/github/contoso-msp/" + repo + "/");
        assertThat(circleci.jobs(done.id())).extracting(Job::name, Job::type, Job::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy", Job.Type.BUILD, "success"));

        String group = "/subscriptions/" + subscription + "/resourceGroups/rg-" + customer + "-ops";
        assertThat(arm("GET", group.toUpperCase(), null).statusCode()).as("ids match case-insensitively").isEqualTo(200);
        assertThat(arm("GET", group + "/providers/Microsoft.Automation/automationAccounts/aa-" + customer + "-ops", null).statusCode())
                .isEqualTo(200);
        assertThat(arm("GET", group + "/providers/Microsoft.OperationalInsights/workspaces/log-" + customer + "-ops", null).statusCode())
                .isEqualTo(200);
        JsonNode actionGroup = JSON.readTree(arm("GET", group + "/providers/Microsoft.Insights/actionGroups/ag-" + customer + "-opsflow",
                null).body());
        assertThat(actionGroup.at("/properties/webhookReceivers/0/serviceUri").asText())
                .isEqualTo("https://opsflow.contoso-msp.example/webhooks/azure-monitor");
        assertThat(actionGroup.at("/properties/webhookReceivers/0/useAadAuth").asBoolean()).isTrue();
        assertThat(actionGroup.at("/properties/webhookReceivers/0/identifierUri").asText()).isEqualTo("api://opsflow");
        assertThat(arm("GET", group + "/providers/Microsoft.Insights/actionGroups/ag-other", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anApprovalHoldsTheDeploymentAndRunFalseCreatesNothing() throws Exception {
        String customer = "beta" + UUID.randomUUID().toString().substring(0, 6);
        String subscription = UUID.randomUUID().toString();
        String repo = generate(customer);
        writeFiles(repo, customer, subscription, true);

        Merge merge = github.mergeByPullRequest("contoso-msp", repo, "production", "master", "Deploy " + customer, "opsflow intake");
        String slug = "gh/contoso-msp/" + repo;
        Workflow held = followToTheEnd(slug, merge.sha());
        assertThat(held.status()).isEqualTo(Workflow.Status.ON_HOLD);
        Job hold = circleci.jobs(held.id()).stream().filter(j -> j.type() == Job.Type.APPROVAL).findFirst().orElseThrow();
        assertThat(hold.name()).isEqualTo("hold");

        circleci.approve(held.id(), hold.approvalRequestId());

        Workflow done = followToTheEnd(slug, merge.sha());
        assertThat(done.status()).isEqualTo(Workflow.Status.SUCCESS);
        assertThat(arm("GET", "/subscriptions/" + subscription + "/resourceGroups/rg-" + customer + "-ops", null).statusCode())
                .as("run false: the workflow succeeds and creates nothing").isEqualTo(404);
        assertThat(github.mergeByPullRequest("contoso-msp", repo, "production", "master", "again", "").nothingToMerge()).isTrue();
    }

    @Test
    void lighthouseDelegationsAreStoredAndTheAssignmentExpandsItsDefinition() throws Exception {
        String scope = "/subscriptions/" + UUID.randomUUID() + "/providers/Microsoft.ManagedServices";
        String definition = scope + "/registrationDefinitions/" + UUID.randomUUID();
        String assignment = scope + "/registrationAssignments/" + UUID.randomUUID();
        String definitionBody = "{\"properties\":{\"registrationDefinitionName\":\"contoso-msp managed services\","
                + "\"managedByTenantId\":\"7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d\",\"authorizations\":[]}}";

        assertThat(arm("PUT", definition, definitionBody).statusCode()).isEqualTo(201);
        assertThat(arm("PUT", definition, definitionBody).statusCode()).isEqualTo(200);
        HttpResponse<String> put = arm("PUT", assignment, "{\"properties\":{\"registrationDefinitionId\":\"" + definition + "\"}}");
        JsonNode expanded = JSON.readTree(arm("GET", assignment + "?$expandRegistrationDefinition=true", null).body());

        assertThat(JSON.readTree(put.body()).at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(expanded.path("type").asText()).isEqualTo("Microsoft.ManagedServices/registrationAssignments");
        assertThat(expanded.at("/properties/registrationDefinition/properties/managedByTenantId").asText())
                .isEqualTo("7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d");
        assertThat(JSON.readTree(arm("GET", scope.substring(0, scope.indexOf("/providers")), null).body()).path("state").asText())
                .isEqualTo("Enabled");
    }

    private String generate(String customer) {
        Repository template = github.repository("contoso-msp", "azure-ops-template").orElseThrow();
        assertThat(template.template()).isTrue();
        String name = customer + "-azure-ops";
        Repository created = github.generateFromTemplate(TEMPLATE, "contoso-msp", name, customer + " Azure operations");
        assertThat(created.templateFullName()).isEqualTo(TEMPLATE);
        assertThat(created.defaultBranch()).isEqualTo("master");
        assertThatThrownBy(() -> github.generateFromTemplate(TEMPLATE, "contoso-msp", name, "again"))
                .isInstanceOf(RepositoryExistsException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> github.branchExists("contoso-msp", name, "master"));
        assertThat(github.branchExists("contoso-msp", name, "production")).isTrue();
        return name;
    }

    private void writeFiles(String repo, String customer, String subscription, boolean approval) {
        byte[] settings = """
                {"customerId":"%s","subscriptionId":"%s","location":"japaneast","run":%s,"requireApproval":%s}
                """.formatted(customer, subscription, !approval, approval).getBytes(UTF_8);
        byte[] parameters = """
                {"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion":"1.0.0.0","parameters":{
                  "customerId":{"value":"%1$s"},"location":{"value":"japaneast"},
                  "resourceGroupName":{"value":"rg-%1$s-ops"},"automationAccountName":{"value":"aa-%1$s-ops"},
                  "workspaceName":{"value":"log-%1$s-ops"},"actionGroupName":{"value":"ag-%1$s-opsflow"},
                  "actionGroupShortName":{"value":"opsflow"},
                  "opsflowWebhookUrl":{"value":"https://opsflow.contoso-msp.example/webhooks/azure-monitor"},
                  "opsflowAppObjectId":{"value":"0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f"},
                  "opsflowAppIdentifierUri":{"value":"api://opsflow"},"tags":{"value":{"顧客":"%1$s"}}}}
                """.formatted(customer).getBytes(UTF_8);
        assertThat(github.putFile("contoso-msp", repo, "master", "opsflow.json", settings, "opsflow: settings")).isPresent();
        assertThat(github.putFile("contoso-msp", repo, "master", "infra/main.parameters.json", parameters, "opsflow: parameters"))
                .isPresent();
        assertThat(github.putFile("contoso-msp", repo, "master", "opsflow.json", settings, "unchanged")).isEmpty();
        assertThat(new String(github.file("contoso-msp", repo, "master", "infra/main.parameters.json").orElseThrow().content(), UTF_8))
                .contains("\"顧客\"");
    }

    /** The pipeline of the push until its workflow stops moving by itself (or waits on a hold). */
    private Workflow followToTheEnd(String slug, String revision) {
        AtomicReference<Workflow> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Pipeline pipeline = circleci.pipelineForRevision(slug, "production", revision).orElse(null);
            if (pipeline == null) {
                return false;
            }
            List<Workflow> workflows = circleci.workflows(pipeline.id());
            last.set(workflows.get(workflows.size() - 1));
            return last.get().status().terminal() || last.get().status() == Workflow.Status.ON_HOLD;
        });
        return last.get();
    }

    private HttpResponse<String> arm(String method, String id, String body) throws IOException, InterruptedException {
        String query = id.contains("?") ? "&api-version=2022-10-01" : "?api-version=2022-10-01";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ArmSimulator.PREFIX + id
                        .replace("$", "%24") + query))
                .header("Authorization", "Bearer sandbox").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
