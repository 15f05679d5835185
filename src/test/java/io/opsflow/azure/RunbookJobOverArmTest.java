package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.runbook.RunbookJobMocks;

/**
 * runbook-job over the real adapter: ARM played by WireMock. A 429 that ARM asks to wait out longer
 * than the adapter waits is left to the job retry cycle, and the poll goes on where it was.
 */
@Deployment(resources = "processes/runbook/runbook-job.bpmn")
class RunbookJobOverArmTest extends ArmWireMockTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String JOBS = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-acme-ops/providers/Microsoft.Automation/automationAccounts/aa-acme-ops/jobs/";

    ManagementService management;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        management = engine.getManagementService();
        CustomerRegistry customers = mock(CustomerRegistry.class);
        when(customers.find("acme")).thenReturn(Optional.of(acme()));
        RunbookJobMocks.register(customers, new AutomationJobs(arm));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aThrottledPollIsRetriedByTheJobCycleAndTheJobsOutputReturned() {
        String job = "[^/]+";
        wm.stubFor(get(urlPathMatching(JOBS + job)).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(notFound().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"not found\"}}"))
                .willSetStateTo("created"));
        wm.stubFor(put(urlPathMatching(JOBS + job)).willReturn(jobAnswer(201, "New")));
        wm.stubFor(get(urlPathMatching(JOBS + job)).inScenario("job").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"))
                .willSetStateTo("throttled"));
        wm.stubFor(get(urlPathMatching(JOBS + job)).inScenario("job").whenScenarioStateIs("throttled")
                .willReturn(jobAnswer(200, "Completed")));
        wm.stubFor(get(urlPathMatching(JOBS + job + "/output")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("vm-acme-web01: CPU 97% (w3wp.exe)")));

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("runbook-job", inputs());
        run(instance, "ServiceTask_StartRunbookJob");
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        Job check = job(instance, "ServiceTask_CheckRunbookJob");
        try {
            management.executeJob(check.getId());
        } catch (ArmThrottledException expected) {
            // longer than opsflow.azure.retry.max-retry-after: the job retry cycle takes over
        }
        assertThat(job(instance, "ServiceTask_CheckRunbookJob").getRetries()).isEqualTo(6);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

        run(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isEnded().hasPassed("EndEvent_RunbookJobEnded").variables()
                .containsEntry("runbookJobOutcome", "Completed")
                .containsEntry("runbookJobOutput", "vm-acme-web01: CPU 97% (w3wp.exe)");
        wm.verify(exactly(1), putRequestedFor(urlPathMatching(JOBS + job)));
        wm.verify(exactly(3), getRequestedFor(urlPathMatching(JOBS + job)));
    }

    private static Map<String, Object> inputs() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", "acme");
        variables.put("runbook", "Get-OpsflowVmDiagnostics");
        variables.put("runbookParameters", "{\"VMName\":\"vm-acme-web01\"}");
        return variables;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jobAnswer(int status, String jobStatus) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"name\":\"job\",\"properties\":{\"status\":\"" + jobStatus + "\",\"runbook\":{\"name\":\"Get-OpsflowVmDiagnostics\"}}}");
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void run(ProcessInstance instance, String activityId) {
        Job job = job(instance, activityId);
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }
}
