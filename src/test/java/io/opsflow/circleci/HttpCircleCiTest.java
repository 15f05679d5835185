package io.opsflow.circleci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.opsflow.outbound.OutboundClient;
import io.opsflow.retry.PermanentFault;

/** Each operation against WireMock speaking the contract examples (and the own fixture for jobs, approve and rerun). */
class HttpCircleCiTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "circle-test-token";
    private static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    private static final String WORKFLOW_ID = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";
    private static final String SLUG = "gh/contoso-msp/acme-azure-ops";
    private static final String FOLLOW = "workflow-jobs-approve-rerun.exchanges.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CircleCi circleci = client();

    private static CircleCi client() {
        CircleCiProperties properties = new CircleCiProperties("unused", "UNUSED", "https://app.circleci.com",
                Duration.ofSeconds(1), Duration.ofSeconds(2),
                new CircleCiProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2)));
        CircleCiEndpoint endpoint = CircleCiEndpoint.of(() -> wireMock.baseUrl() + "/api/v2", () -> TOKEN);
        return new HttpCircleCi(new CircleCiApi(new OutboundClient(WebClient.builder(), properties), endpoint), properties.appUrl());
    }

    private static JsonNode fixture(String file) {
        try (InputStream in = HttpCircleCiTest.class.getResourceAsStream("/contracts/circleci/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder answer(String file, String at) {
        JsonNode response = fixture(file).at(at + "/response");
        return aResponse().withStatus(response.path("status").asInt()).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(response.path("body").toString());
    }

    private static RequestPatternBuilder withToken(RequestPatternBuilder request) {
        return request.withHeader("Circle-Token", equalTo(TOKEN)).withHeader("Accept", equalTo("application/json"));
    }

    @Test
    void triggerPostsTheBranchAndItsParameters() {
        wireMock.stubFor(post("/api/v2/project/" + SLUG + "/pipeline").willReturn(answer("pipeline-trigger.exchange.json", "")));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("customer_id", "acme");
        parameters.put("run_bootstrap", true);
        parameters.put("azure_subscription_id", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");

        Pipeline pipeline = circleci.trigger(SLUG, "main", parameters);

        wireMock.verify(withToken(postRequestedFor(urlPathEqualTo("/api/v2/project/" + SLUG + "/pipeline")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture("pipeline-trigger.exchange.json").at("/request/body").toString())));
        assertThat(pipeline).isEqualTo(new Pipeline(PIPELINE_ID, 1, Pipeline.State.CREATED, null, List.of()));
    }

    @Test
    void pipelineIsReadWithItsRevision() {
        wireMock.stubFor(get("/api/v2/pipeline/" + PIPELINE_ID).willReturn(answer("pipeline-get.exchange.json", "")));

        assertThat(circleci.pipeline(PIPELINE_ID)).isEqualTo(new Pipeline(PIPELINE_ID, 1, Pipeline.State.CREATED,
                "3b1f0e9c7a5d4b2e8f6a0c1d9e7b5a3f2c4d6e8a", List.of()));
        wireMock.verify(withToken(getRequestedFor(urlPathEqualTo("/api/v2/pipeline/" + PIPELINE_ID))));
    }

    @Test
    void pipelineForRevisionLooksThroughTheBranchsPipelines() {
        wireMock.stubFor(get(urlPathEqualTo("/api/v2/project/" + SLUG + "/pipeline")).willReturn(answer(FOLLOW, "/exchanges/5")));

        assertThat(circleci.pipelineForRevision(SLUG, "production", "3b1f0e9c7a5d4b2e8f6a0c1d9e7b5a3f2c4d6e8a"))
                .map(Pipeline::number).hasValue(2);
        assertThat(circleci.pipelineForRevision(SLUG, "production", "ffff")).isEmpty();
        wireMock.verify(withToken(getRequestedFor(urlPathEqualTo("/api/v2/project/" + SLUG + "/pipeline")))
                .withQueryParam("branch", equalTo("production")));
    }

    @Test
    void aTriggeredPipelineIsFoundAgainByItsTriggerParameter() {
        // CircleCI shows an API trigger's parameters back in trigger_parameters; a push's pipeline has none.
        wireMock.stubFor(get(urlPathEqualTo("/api/v2/project/" + SLUG + "/pipeline")).willReturn(okJson("""
                {"items": [
                  {"id": "p-3", "number": 3, "state": "created", "errors": [], "vcs": {"revision": "c0ffee", "branch": "production"}},
                  {"id": "p-2", "number": 2, "state": "created", "errors": [], "trigger_parameters": {"opsflow-request": "acme/pi-1/1"},
                   "vcs": {"revision": "c0ffee", "branch": "production"}}],
                 "next_page_token": null}""")));

        assertThat(circleci.pipelineTriggeredWith(SLUG, "production", "opsflow-request", "acme/pi-1/1")).map(Pipeline::number).hasValue(2);
        assertThat(circleci.pipelineTriggeredWith(SLUG, "production", "opsflow-request", "acme/pi-1/2")).isEmpty();
        wireMock.verify(2, withToken(getRequestedFor(urlPathEqualTo("/api/v2/project/" + SLUG + "/pipeline")))
                .withQueryParam("branch", equalTo("production")));
    }

    @Test
    void workflowsFollowEveryPageAndLinkToTheApp() {
        String path = "/api/v2/pipeline/" + PIPELINE_ID + "/workflow";
        JsonNode running = fixture("pipeline-workflows.exchanges.json").at("/exchanges/0/response/body");
        JsonNode success = fixture("pipeline-workflows.exchanges.json").at("/exchanges/1/response/body");
        ((com.fasterxml.jackson.databind.node.ObjectNode) running).put("next_page_token", "next-1");
        wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("page-token", absent()).willReturn(okJson(running.toString())));
        wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("page-token", equalTo("next-1"))
                .willReturn(okJson(success.toString())));

        List<Workflow> workflows = circleci.workflows(PIPELINE_ID);

        assertThat(workflows).extracting(Workflow::status).containsExactly(Workflow.Status.RUNNING, Workflow.Status.SUCCESS);
        assertThat(workflows.get(0)).isEqualTo(new Workflow(WORKFLOW_ID, "bootstrap", Workflow.Status.RUNNING, PIPELINE_ID, 1, SLUG,
                "https://app.circleci.com/pipelines/github/contoso-msp/acme-azure-ops/1/workflows/" + WORKFLOW_ID));
        wireMock.verify(2, withToken(getRequestedFor(urlPathEqualTo(path))));
    }

    @Test
    void anUnknownWorkflowStatusFailsNamingIt() {
        String path = "/api/v2/pipeline/" + PIPELINE_ID + "/workflow";
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(fixture("pipeline-workflows.exchanges.json")
                .at("/exchanges/0/response/body").toString().replace("\"running\"", "\"paused\""))));

        assertThatThrownBy(() -> circleci.workflows(PIPELINE_ID)).isInstanceOf(CircleCiException.class)
                .hasMessageContaining("workflow status 'paused'");
    }

    @Test
    void jobsIncludeTheApprovalJobWithItsRequestId() {
        String path = "/api/v2/workflow/" + WORKFLOW_ID;
        wireMock.stubFor(get(path).willReturn(answer(FOLLOW, "/exchanges/0")));
        wireMock.stubFor(get(urlPathEqualTo(path + "/job")).withQueryParam("page-token", absent()).willReturn(answer(FOLLOW, "/exchanges/1")));
        wireMock.stubFor(get(urlPathEqualTo(path + "/job")).withQueryParam("page-token", equalTo("page2"))
                .willReturn(answer(FOLLOW, "/exchanges/2")));

        List<Job> jobs = circleci.jobs(WORKFLOW_ID);

        String workflowUrl = "https://app.circleci.com/pipelines/github/contoso-msp/acme-azure-ops/3/workflows/" + WORKFLOW_ID;
        assertThat(jobs).containsExactly(
                new Job("0e2c4a6b-8d1f-4e3a-9c5b-7d9f1b3d5e7a", "what-if", Job.Type.BUILD, "success", 11, null, workflowUrl + "/jobs/11"),
                new Job("3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b", "hold", Job.Type.APPROVAL, "on_hold", null,
                        "3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b", null),
                new Job("7c9e1b3d-5f7a-4c2e-8b0d-4f6a8c0e2b4d", "deploy", Job.Type.BUILD, "blocked", null, null, null));
        wireMock.verify(2, withToken(getRequestedFor(urlPathEqualTo(path + "/job"))));
    }

    @Test
    void approveAndRerunPostToTheWorkflow() {
        String approve = "/api/v2/workflow/" + WORKFLOW_ID + "/approve/3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b";
        String rerun = "/api/v2/workflow/" + WORKFLOW_ID + "/rerun";
        wireMock.stubFor(post(approve).willReturn(answer(FOLLOW, "/exchanges/3")));
        wireMock.stubFor(post(rerun).willReturn(answer(FOLLOW, "/exchanges/4")));

        circleci.approve(WORKFLOW_ID, "3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b");
        circleci.rerunFromFailed(WORKFLOW_ID);

        wireMock.verify(1, withToken(postRequestedFor(urlPathEqualTo(approve))));
        wireMock.verify(1, withToken(postRequestedFor(urlPathEqualTo(rerun))).withRequestBody(equalToJson("{\"from_failed\":true}")));
    }

    @Test
    void aMissingPipelineIsAPermanentFaultWithCircleCisMessage() {
        String id = "00000000-0000-4000-8000-000000000000";
        wireMock.stubFor(get("/api/v2/pipeline/" + id).willReturn(answer(FOLLOW, "/exchanges/6")));

        assertThatThrownBy(() -> circleci.pipeline(id)).isInstanceOf(CircleCiException.class)
                .hasMessageContaining("HTTP 404: Pipeline not found").matches(PermanentFault::isPermanent);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/pipeline/" + id)));
    }
}
