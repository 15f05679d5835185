package io.opsflow.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobStatus;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/** runbook-job on a bare engine: its real delegates around a mocked Automation adapter. */
@Deployment(resources = "processes/runbook/runbook-job.bpmn")
class RunbookJobProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    static final String SUB = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final Customer ACME = new Customer("acme", "ACME", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB),
                    new Customer.AutomationAccount(SUB, "rg-acme-ops", "aa-acme-ops"), new Customer.Credential("managed-identity", null, null)),
            null, null, null, Map.of(), null);

    final AutomationJobs jobs = mock(AutomationJobs.class);
    final CustomerRegistry customers = mock(CustomerRegistry.class);
    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        ClockUtil.setCurrentTime(Date.from(T0));
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(jobs.output(any(), anyString())).thenReturn("vm-acme-web01: CPU 97% (w3wp.exe)");
        when(jobs.errors(any(), anyString())).thenReturn("Get-VM: 権限がありません");
        RunbookJobMocks.register(customers, jobs);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aCompletedJobReturnsItsOutputAfterPollsThatBackOffToAMinute() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        ProcessInstance instance = start(null);
        run(instance, "ServiceTask_StartRunbookJob");
        ArgumentCaptor<Map<String, String>> parameters = mapCaptor();
        verify(jobs).start(eq(ACME), anyString(), eq("Get-OpsflowVmDiagnostics"), parameters.capture());
        assertThat(parameters.getValue()).containsEntry("VMName", "vm-acme-web01");

        List<String> waits = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            waits.add((String) runtime.getVariable(instance.getId(), "runbookJobPollInterval"));
            run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
            run(instance, "ServiceTask_CheckRunbookJob");
        }
        assertThat(waits).containsExactly("PT10S", "PT20S", "PT40S", "PT1M", "PT1M");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_RunbookJobPollDue");

        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.COMPLETED));
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        run(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isEnded().hasPassed("EndEvent_RunbookJobEnded").hasNotPassed("ServiceTask_StopRunbookJob");
        assertThat(instance).variables().containsEntry("runbookJobOutcome", "Completed").containsEntry("runbookJobStatus", "COMPLETED")
                .containsEntry("runbookJobOutput", "vm-acme-web01: CPU 97% (w3wp.exe)");
        verify(jobs, never()).stop(any(), anyString());
    }

    @Test
    void aFailedJobReturnsItsErrorStreamAndException() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED, "  Runbook threw: VM not found \n"));
        ProcessInstance instance = runToFirstCheck(null);
        assertThat(instance).isEnded().hasPassed("EndEvent_RunbookJobEnded");
        assertThat(instance).variables().containsEntry("runbookJobOutcome", "Failed").containsEntry("runbookJobStatus", "FAILED")
                .containsEntry("runbookJobErrors", "Get-VM: 権限がありません").containsEntry("runbookJobException", "Runbook threw: VM not found");
        verify(jobs, never()).output(any(), anyString());
    }

    @Test
    void aSuspendedBlockedOrDisconnectedJobIsLeftForAPersonNotStopped() {
        for (AutomationJobStatus status : List.of(AutomationJobStatus.SUSPENDED, AutomationJobStatus.BLOCKED, AutomationJobStatus.DISCONNECTED)) {
            when(jobs.get(any(), anyString())).thenReturn(job(status));
            ProcessInstance instance = runToFirstCheck(null);
            assertThat(instance).isEnded().hasPassed("EndEvent_RunbookJobEnded").hasNotPassed("ServiceTask_StopRunbookJob");
            assertThat(instance).variables().containsEntry("runbookJobOutcome", "Suspended").containsEntry("runbookJobStatus", status.name());
        }
        verify(jobs, never()).stop(any(), anyString());
    }

    @Test
    void aJobStoppedInAzureIsReportedAsStopped() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.STOPPED));
        ProcessInstance instance = runToFirstCheck(null);
        assertThat(instance).variables().containsEntry("runbookJobOutcome", "Stopped");
        verify(jobs, never()).stop(any(), anyString());
    }

    @Test
    void aJobPastItsTimeoutIsStoppedAndReportedAsTimedOut() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        ProcessInstance instance = start("PT5M");
        run(instance, "ServiceTask_StartRunbookJob");
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        run(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_RunbookJobPollDue");

        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(5)).plusSeconds(1)));
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        run(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isWaitingAt("ServiceTask_StopRunbookJob").variables().containsEntry("runbookJobOutcome", "TimedOut");
        run(instance, "ServiceTask_StopRunbookJob");
        verify(jobs).stop(ACME, (String) historicVariable(instance, "runbookJobName"));
        assertThat(instance).isEnded().hasPassed("EndEvent_RunbookJobTimedOut");
    }

    @Test
    void theTimeoutDefaultsToThirtyMinutes() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        ProcessInstance instance = start(null);
        run(instance, "ServiceTask_StartRunbookJob");
        assertThat((Date) runtime.getVariable(instance.getId(), "runbookJobDeadline")).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aStartRetriedAfterALostAnswerAsksForTheSameJob() {
        when(jobs.start(any(), anyString(), anyString(), any())).thenThrow(new IllegalStateException("read timeout")).thenReturn(null);
        ProcessInstance instance = start(null);
        Job start = job(instance, "ServiceTask_StartRunbookJob");
        try {
            management.executeJob(start.getId());
        } catch (IllegalStateException expected) {
            // the job retry cycle runs it again
        }
        management.executeJob(start.getId());
        ArgumentCaptor<String> names = ArgumentCaptor.forClass(String.class);
        verify(jobs, times(2)).start(eq(ACME), names.capture(), anyString(), any());
        assertThat(names.getAllValues()).hasSize(2).containsOnly(names.getAllValues().get(0));
        assertThat(instance).variables().containsEntry("runbookJobName", names.getValue());
    }

    @Test
    void aCallersJobNameIsUsed() {
        Map<String, Object> variables = inputs(null);
        variables.put("runbookJobName", "0b7e5d4c-0000-3000-8000-000000000001");
        ProcessInstance instance = runtime.startProcessInstanceByKey("runbook-job", variables);
        run(instance, "ServiceTask_StartRunbookJob");
        verify(jobs).start(eq(ACME), eq("0b7e5d4c-0000-3000-8000-000000000001"), anyString(), any());
    }

    @Test
    void aThrottledPollIsRetriedByTheJobCycleWithoutLosingThePoll() {
        when(jobs.get(any(), anyString())).thenThrow(new ArmThrottledException("TooManyRequests", "Rate limit exceeded", "req-1",
                Duration.ofMinutes(5))).thenReturn(job(AutomationJobStatus.COMPLETED));
        ProcessInstance instance = start(null);
        run(instance, "ServiceTask_StartRunbookJob");
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        Job check = job(instance, "ServiceTask_CheckRunbookJob");
        try {
            management.executeJob(check.getId());
        } catch (ArmThrottledException expected) {
            // retried by the job cycle
        }
        Job retried = job(instance, "ServiceTask_CheckRunbookJob");
        assertThat(retried.getRetries()).isEqualTo(6);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        management.executeJob(retried.getId());
        assertThat(instance).isEnded().variables().containsEntry("runbookJobOutcome", "Completed");
    }

    @Test
    void aCustomerWithoutAnAutomationAccountIsATechnicalFault() {
        when(customers.find("acme")).thenReturn(Optional.of(new Customer("acme", "ACME", "ja", null, null, null, null, Map.of(), null)));
        ProcessInstance instance = start(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(instance, "ServiceTask_StartRunbookJob"))
                .hasMessageContaining("has no Automation account");
        verify(jobs, never()).start(any(), anyString(), anyString(), any());
    }

    @Test
    void stopLeavesAnEndedOrNeverStartedJobAlone() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.COMPLETED));
        ProcessInstance instance = start("PT1S");
        run(instance, "ServiceTask_StartRunbookJob");
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(60)));
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING)).thenReturn(job(AutomationJobStatus.COMPLETED));
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        run(instance, "ServiceTask_CheckRunbookJob");
        run(instance, "ServiceTask_StopRunbookJob");
        verify(jobs, never()).stop(any(), anyString());
        assertThat(instance).isEnded();
    }

    private ProcessInstance runToFirstCheck(String timeout) {
        ProcessInstance instance = start(timeout);
        run(instance, "ServiceTask_StartRunbookJob");
        run(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        run(instance, "ServiceTask_CheckRunbookJob");
        return instance;
    }

    private ProcessInstance start(String timeout) {
        return runtime.startProcessInstanceByKey("runbook-job", inputs(timeout));
    }

    private static Map<String, Object> inputs(String timeout) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", "acme");
        variables.put("runbook", "Get-OpsflowVmDiagnostics");
        variables.put("runbookParameters", "{\"VMName\":\"vm-acme-web01\"}");
        variables.put("targetResource", "vm-acme-web01");
        variables.put("runbookJobTimeout", timeout);
        return variables;
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void run(ProcessInstance instance, String activityId) {
        Job job = job(instance, activityId);
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Map<String, String>> mapCaptor() {
        return ArgumentCaptor.forClass(Map.class);
    }

    private static AutomationJob job(AutomationJobStatus status) {
        return job(status, null);
    }

    private static AutomationJob job(AutomationJobStatus status, String exception) {
        return new AutomationJob("job", "id", "Get-OpsflowVmDiagnostics", status, null, null, exception, null, null, null, Map.of());
    }
}
