package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runbook jobs against the Automation contract (api-version 2024-10-23). */
class AutomationJobsTest extends ArmWireMockTest {

    static final String LIFECYCLE = "job-lifecycle-completed.exchanges.json";
    static final String ACCOUNT = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-acme-ops/providers/Microsoft.Automation/automationAccounts/aa-acme-ops";

    AutomationJobs jobs;
    String jobName;
    String jobPath;

    @BeforeEach
    void operations() {
        jobs = new AutomationJobs(arm);
        jobName = JobNames.forStep("8c1f0a4e-processInstance", "ServiceTask_StartRunbook");
        jobPath = ACCOUNT + "/jobs/" + jobName;
    }

    @Test
    void startPutsTheJobAsTheContractShowsAndTakesTheFirstAnswer() {
        JsonNode create = exchange(LIFECYCLE, 0);
        wm.stubFor(get(urlPathEqualTo(jobPath)).willReturn(notFound()));
        wm.stubFor(put(urlPathEqualTo(jobPath)).willReturn(answer(201, create.path("response").path("body"))));

        AutomationJob job = jobs.start(acme(), jobName, "Restart-AzureVM", restartParameters());

        wm.verify(putRequestedFor(urlPathEqualTo(jobPath))
                .withQueryParam("api-version", equalTo("2024-10-23"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json(create.path("request").path("body")))));
        assertThat(job.status()).isEqualTo(AutomationJobStatus.NEW);
        assertThat(job.status().isFinal()).isFalse();
        assertThat(job.runbookName()).isEqualTo("Restart-AzureVM");
        assertThat(job.jobId()).isEqualTo("3f6c8a52-0d7e-4b8e-9a41-5c2e7d9b1a60");
        assertThat(job.provisioningState()).isEqualTo("Processing");
        assertThat(job.parameters()).containsEntry("VMName", "vm-acme-web01");
        assertThat(job.creationTime()).isNotNull();
        assertThat(job.startTime()).isNull();
    }

    @Test
    void parsesTheSpecExampleOfJobCreate() {
        JsonNode example = contract("job-create.json");
        wm.stubFor(get(urlPathEqualTo(jobPath)).willReturn(notFound()));
        wm.stubFor(put(urlPathEqualTo(jobPath)).willReturn(answer(201, example.path("responses").path("201").path("body"))));

        AutomationJob job = jobs.start(acme(), jobName, "TestRunbook", Map.of("key01", "value01", "key02", "value02"));

        wm.verify(putRequestedFor(urlPathEqualTo(jobPath))
                .withRequestBody(equalToJson(json(example.path("parameters").path("parameters")))));
        assertThat(job.runbookName()).isEqualTo("TestRunbook");
        assertThat(job.statusDetails()).isEqualTo("None");
    }

    @Test
    void aRetriedStartOfTheSameStepMakesExactlyOneJob() {
        JsonNode created = exchange(LIFECYCLE, 0).path("response").path("body");
        wm.stubFor(get(urlPathEqualTo(jobPath)).inScenario("job").whenScenarioStateIs(STARTED).willReturn(notFound()));
        wm.stubFor(put(urlPathEqualTo(jobPath)).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(answer(201, created)).willSetStateTo("created"));
        wm.stubFor(get(urlPathEqualTo(jobPath)).inScenario("job").whenScenarioStateIs("created")
                .willReturn(answer(200, exchange(LIFECYCLE, 2).path("response").path("body"))));

        AutomationJob first = jobs.start(acme(), jobName, "Restart-AzureVM", restartParameters());
        String retriedName = JobNames.forStep("8c1f0a4e-processInstance", "ServiceTask_StartRunbook");
        AutomationJob retried = jobs.start(acme(), retriedName, "Restart-AzureVM", restartParameters());

        assertThat(retriedName).isEqualTo(jobName);
        assertThat(retried.jobId()).isEqualTo(first.jobId());
        assertThat(retried.status()).isEqualTo(AutomationJobStatus.RUNNING);
        wm.verify(exactly(1), putRequestedFor(urlPathEqualTo(jobPath)));
    }

    @Test
    void aStartThatLosesTheRaceToAnotherStartReturnsTheExistingJob() {
        wm.stubFor(get(urlPathEqualTo(jobPath)).inScenario("race").whenScenarioStateIs(STARTED)
                .willReturn(notFound()).willSetStateTo("created by the other start"));
        wm.stubFor(put(urlPathEqualTo(jobPath)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Conflict\",\"message\":\"A job with the name already exists.\"}")));
        wm.stubFor(get(urlPathEqualTo(jobPath)).inScenario("race").whenScenarioStateIs("created by the other start")
                .willReturn(answer(200, exchange(LIFECYCLE, 1).path("response").path("body"))));

        AutomationJob job = jobs.start(acme(), jobName, "Restart-AzureVM", restartParameters());

        assertThat(job.status()).isEqualTo(AutomationJobStatus.ACTIVATING);
        wm.verify(exactly(1), putRequestedFor(urlPathEqualTo(jobPath)));
    }

    @Test
    void readsStatusOutputAndErrorStreams() {
        wm.stubFor(get(urlPathEqualTo(jobPath)).willReturn(answer(200, exchange(LIFECYCLE, 3).path("response").path("body"))));
        JsonNode output = exchange(LIFECYCLE, 4).path("response");
        wm.stubFor(get(urlPathEqualTo(jobPath + "/output")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(output.path("body").asText())));
        JsonNode streams = contract("job-streams-list.json").path("responses").path("200").path("body");
        wm.stubFor(get(urlPathEqualTo(jobPath + "/streams"))
                .withQueryParam("$filter", equalTo("properties/streamType eq 'Error'"))
                .willReturn(answer(200, streams)));
        for (JsonNode item : streams.path("value")) {
            String id = item.path("properties").path("jobStreamId").asText();
            ObjectNode one = contract("job-stream-get.json").path("responses").path("200").path("body").deepCopy();
            ((ObjectNode) one.path("properties")).put("jobStreamId", id).put("streamType", "Error")
                    .put("streamText", "Error for " + id.substring(id.length() - 1));
            wm.stubFor(get(urlPathEqualTo(jobPath + "/streams/" + id)).willReturn(answer(200, one)));
        }

        AutomationJob job = jobs.get(acme(), jobName);
        String text = jobs.output(acme(), jobName);
        List<JobStream> errorStreams = jobs.streams(acme(), jobName, JobStream.Type.ERROR);
        String errors = jobs.errors(acme(), jobName);

        assertThat(job.status()).isEqualTo(AutomationJobStatus.COMPLETED);
        assertThat(job.status().isFinal()).isTrue();
        assertThat(job.endTime()).isNotNull();
        assertThat(text).isEqualTo(output.path("body").asText()).contains("PowerState=VM running");
        assertThat(errorStreams).hasSize(2).allSatisfy(s -> {
            assertThat(s.time()).isNotNull();
            assertThat(s.type()).isEqualTo(JobStream.Type.OUTPUT);
        });
        assertThat(errors).isEqualTo("Error for 1\nError for 2");
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(jobPath + "/output"))
                .withHeader("Accept", equalTo("text/plain")));
    }

    @Test
    void stopPostsToTheJob() {
        wm.stubFor(post(urlPathEqualTo(jobPath + "/stop")).willReturn(aResponse().withStatus(200)));

        jobs.stop(acme(), jobName);

        wm.verify(postRequestedFor(urlPathEqualTo(jobPath + "/stop"))
                .withQueryParam("api-version", equalTo("2024-10-23"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Length", equalTo("0")));
    }

    private static Map<String, String> restartParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ResourceGroupName", "rg-acme-prod");
        parameters.put("VMName", "vm-acme-web01");
        parameters.put("Mode", "Graceful");
        return parameters;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Automation/"
                        + "automationAccounts/aa-acme-ops/jobs/x' was not found.\"}}");
    }
}
