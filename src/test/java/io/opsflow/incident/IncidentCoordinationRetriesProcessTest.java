package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.runbook.RunbookJobMocks;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.ServiceNowException;
import io.opsflow.servicenow.ServiceNowFaults;
import io.opsflow.slack.SlackNotifier;

/**
 * The shipped retry cycle and the permanent-fault plugin (both from the real models and
 * {@code opsflow-engine-test.cfg.xml}) on incident-coordination's external steps. Jobs are run as the
 * job executor would: each retry only once the engine clock reaches the time the failure set for it.
 */
@Deployment(resources = {
        "processes/incident/incident-coordination.bpmn", "processes/incident/incident-sla-escalation.bpmn",
        "processes/incident/incident-priority.dmn", "processes/incident/incident-sla-defaults.dmn",
        "processes/incident/diagnostic-runbook.dmn", "processes/incident/incident-triage.form",
        "processes/incident/incident-investigation.form", "processes/incident/incident-resolution.form",
        "processes/incident/incident-post-incident-review.form", "processes/incident/incident-sla-escalation.form",
        "processes/escalation/microsoft-support-escalation.bpmn", "processes/escalation/support-ticket-preparation.form",
        "processes/runbook/runbook-job.bpmn"})
class IncidentCoordinationRetriesProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final Instant T0 = Instant.parse("2025-11-24T01:00:00Z");
    static final String CREATE = "ServiceTask_CreateServiceNowIncident";
    static final String CALL = "POST /api/now/table/incident";
    static final io.opsflow.servicenow.Incident SERVICENOW_INCIDENT = new io.opsflow.servicenow.Incident(
            "5f2e8c1a47d0b210a3c9e6f15d8b7a42", "INC0010042", "1", "2", "2", "3", null, null, null, null, null, null, null, null,
            null, null, null, null, null, "true", null, null, null, "0");

    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final AutomationJobs jobs = mock(AutomationJobs.class);
    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final IncidentProperties properties = new IncidentProperties("https://opsflow.example.jp", Duration.ofMinutes(30), "Solution provided", 4000);

    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        ClockUtil.setCurrentTime(Date.from(T0));
        when(customers.find("acme")).thenReturn(Optional.of(IncidentCoordinationProcessTest.ACME));
        IncidentContext context = new IncidentContext(customers);
        Messages messages = MessagesFixture.messages(customers);
        Mocks.register("determineSlaTargetsDelegate", new DetermineSlaTargetsDelegate(context));
        Mocks.register("createServiceNowIncidentDelegate", new CreateServiceNowIncidentDelegate(context, servicenow, properties,
                new WorkNotes(servicenow, properties, context, messages)));
        Mocks.register("prepareDiagnosticRunbookDelegate", new PrepareDiagnosticRunbookDelegate(context, properties, messages));
        Mocks.register("describeDiagnosticResultListener", new DescribeDiagnosticResultListener(context, messages));
        RunbookJobMocks.register(customers, jobs);
        Mocks.register("notifySlackChannelDelegate", new NotifySlackChannelDelegate(context, mock(SlackNotifier.class), properties, messages));
        Mocks.register("releaseIncidentKeysListener", new ReleaseIncidentKeysListener(mock(OpenIncidents.class)));
        Mocks.register("describeIncidentTaskListener", new DescribeIncidentTaskListener(context, messages));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aThirtyMinuteServiceNowOutageIsRiddenOutWithoutAnIncident() {
        Instant back = T0.plus(Duration.ofMinutes(30));
        when(servicenow.createIncident(any())).thenAnswer(call -> {
            if (now().isBefore(back)) {
                throw ServiceNowFaults.unavailable(CALL);
            }
            return SERVICENOW_INCIDENT;
        });
        ProcessInstance instance = startAlert();

        List<Duration> attempts = runUntilDoneOrIncident(instance, CREATE);

        // PT1M,PT2M,PT5M,PT10M,PT15M: five failures, the sixth attempt (33 minutes in) succeeds
        assertThat(attempts).containsExactly(minutes(0), minutes(1), minutes(3), minutes(8), minutes(18), minutes(33));
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed(CREATE).variables().containsEntry(IncidentVariables.SERVICENOW_NUMBER, "INC0010042");
    }

    @Test
    void anOutageLongerThanTheScheduleBecomesAnIncidentAfter63MinutesThatARetryRunsAtOnce() {
        when(servicenow.createIncident(any())).thenThrow(ServiceNowFaults.unavailable(CALL)).thenThrow(ServiceNowFaults.unavailable(CALL))
                .thenThrow(ServiceNowFaults.unavailable(CALL)).thenThrow(ServiceNowFaults.unavailable(CALL))
                .thenThrow(ServiceNowFaults.unavailable(CALL)).thenThrow(ServiceNowFaults.unavailable(CALL))
                .thenThrow(ServiceNowFaults.unavailable(CALL)).thenReturn(SERVICENOW_INCIDENT);
        ProcessInstance instance = startAlert();

        List<Duration> attempts = runUntilDoneOrIncident(instance, CREATE);

        assertThat(attempts).containsExactly(minutes(0), minutes(1), minutes(3), minutes(8), minutes(18), minutes(33), minutes(63));
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(CREATE);
        assertThat(incident.getIncidentMessage()).contains("HTTP 503");

        // ServiceNow is back; a retry in Cockpit (retries 1) is picked up at once, not 30 minutes later.
        management.setJobRetries(job(instance, CREATE).getId(), 1);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(CREATE).executable().count()).isOne();
        assertThat(runUntilDoneOrIncident(instance, CREATE)).containsExactly(minutes(63));
        assertThat(instance).hasPassed(CREATE);
    }

    @Test
    void aServiceNowRefusalIsAnIncidentAtOnceWithTheReasonAndARetryContinues() {
        when(servicenow.createIncident(any()))
                .thenThrow(ServiceNowFaults.forbidden(CALL, "Operation Failed", "ACL Exception Insert Failed due to security constraints"))
                .thenReturn(SERVICENOW_INCIDENT);
        ProcessInstance instance = startAlert();

        assertThat(runUntilDoneOrIncident(instance, CREATE)).containsExactly(minutes(0));

        Job job = job(instance, CREATE);
        assertThat(job.getRetries()).isZero();
        assertThat(job.getExceptionMessage()).contains("HTTP 403");
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(CREATE);
        assertThat(incident.getConfiguration()).isEqualTo(job.getId());
        assertThat(incident.getIncidentMessage()).contains("HTTP 403").contains("ACL Exception Insert Failed");

        // The integration user's ACL is fixed; a manager retries the incident in Cockpit (retries 1).
        management.setJobRetries(job.getId(), 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(runUntilDoneOrIncident(instance, CREATE)).containsExactly(minutes(0));
        assertThat(instance).hasPassed(CREATE).variables().containsEntry(IncidentVariables.SERVICENOW_NUMBER, "INC0010042");
        verify(servicenow, times(2)).createIncident(any());
    }

    @Test
    void aMissingAzureRoleIsAnIncidentAtOnce() {
        when(servicenow.createIncident(any())).thenReturn(SERVICENOW_INCIDENT);
        when(jobs.start(any(), anyString(), anyString(), anyMap())).thenThrow(new ArmException(403, "AuthorizationFailed",
                "ARM PUT /subscriptions/…/jobs/diag answered 403 AuthorizationFailed: The client does not have authorization"
                        + " to perform action 'Microsoft.Automation/automationAccounts/jobs/write'", "8f0c2a1e"));
        ProcessInstance instance = startAlert();
        management.executeJob(job(instance, CREATE).getId());

        ProcessInstance diagnostics = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("runbook-job").singleResult();
        assertThat(runUntilDoneOrIncident(diagnostics, "ServiceTask_StartRunbookJob")).containsExactly(minutes(0));

        Incident incident = runtime.createIncidentQuery().processInstanceId(diagnostics.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_StartRunbookJob");
        assertThat(incident.getIncidentMessage()).contains("403 AuthorizationFailed").contains("jobs/write");
        verify(jobs, times(1)).start(any(), anyString(), anyString(), anyMap());
    }

    /**
     * Runs the step's job whenever it is due, moving the clock to the due date the last failure set
     * (what the job executor's acquisition waits for), until the step is done or the job has no
     * retries left. Returns when each attempt ran, relative to {@link #T0}.
     */
    private List<Duration> runUntilDoneOrIncident(ProcessInstance instance, String activityId) {
        List<Duration> attempts = new ArrayList<>();
        for (Job job = job(instance, activityId); job != null && job.getRetries() > 0; job = job(instance, activityId)) {
            Date due = job.getDuedate();
            if (due != null && due.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(due);
            }
            attempts.add(Duration.between(T0, now()));
            try {
                management.executeJob(job.getId());
            } catch (ServiceNowException | ArmException failed) {
                // left to the failed-job handling under test
            }
            assertThat(attempts).as("attempts at " + activityId).hasSizeLessThanOrEqualTo(10);
        }
        return attempts;
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private ProcessInstance startAlert() {
        return runtime.createProcessInstanceByKey("incident-coordination").businessKey(IncidentCoordinationProcessTest.ALERT_ID)
                .setVariables(StartVariables.of(IncidentCoordinationProcessTest.alert(2), true)).execute();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
