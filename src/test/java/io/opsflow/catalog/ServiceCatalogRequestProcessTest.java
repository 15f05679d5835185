package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobStatus;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.messages.Messages;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.runbook.RunbookJobMocks;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.RequestedItemState;
import io.opsflow.servicenow.RequestedItemUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/** service-catalog-request on a bare engine: the shipped definitions, real delegates, mocked ServiceNow and Automation. */
@Deployment(resources = {"processes/catalog/service-catalog-request.bpmn", "processes/runbook/runbook-job.bpmn", "processes/catalog/catalog-approval.form",
        "processes/catalog/catalog-overdue-approval.form", "processes/catalog/catalog-fulfilment-failure.form"})
class ServiceCatalogRequestProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String RITM = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final Instant DECIDED_AT = Instant.parse("2026-11-24T01:02:03Z");
    static final String SUB = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final Customer ACME = new Customer("acme", "ACME", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB),
                    new Customer.AutomationAccount(SUB, "rg-acme-ops", "aa-acme-ops"), new Customer.Credential("managed-identity", null, null)),
            null, null, null, Map.of(), null);
    /** The same customer, reading English. */
    static final Customer ACME_EN = new Customer("acme-en", "ACME UK", "en", ACME.azure(), null, null, null, Map.of(), null);

    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final AutomationJobs jobs = mock(AutomationJobs.class);
    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final IncidentIntake intake = mock(IncidentIntake.class);
    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("acme-en")).thenReturn(Optional.of(ACME_EN));
        when(jobs.output(any(), anyString())).thenReturn("vm-acme-web01 を再起動しました / restarted");
        when(jobs.errors(any(), anyString())).thenReturn("VM が見つかりません / VM not found");
        Messages messages = MessagesFixture.messages(customers);
        RequestValidation validation = new RequestValidation(CatalogDefinitions.load("classpath*:processes/catalog/items/*.yaml"));
        Mocks.register("validateCatalogRequestDelegate", new ValidateCatalogRequestDelegate(validation, messages));
        Mocks.register("updateRequestedItemDelegate", new UpdateRequestedItemDelegate(servicenow, messages));
        Mocks.register("recordTaskCompleterListener", new RecordTaskCompleterListener());
        Mocks.register("resolveCatalogRunbookDelegate", new ResolveCatalogRunbookDelegate(validation));
        Mocks.register("describeFulfilmentResultDelegate", new DescribeFulfilmentResultDelegate(messages));
        RunbookJobMocks.register(customers, jobs);
        Mocks.register("openFulfilmentIncidentDelegate", new OpenFulfilmentIncidentDelegate(intake, messages));
        Mocks.register("describeCatalogTaskListener", new DescribeCatalogTaskListener(customers, messages));
    }

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void anApprovedRestartRunsTheRunbookAndClosesTheItemComplete() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(null, "waiting_for_approval",
                "opsflow: 承認待ち: operators の承認を待っています (opsflow)")), any(NoteKey.class));
        assertThat(task("UserTask_ApproveRequest", instance)).hasCandidateGroup("operators");
        assertThat((String) runtime.getVariable(instance.getId(), "requestSummary")).contains("VMName = vm-acme-web01").contains("RestartMode = graceful");
        complete(task("UserTask_ApproveRequest", instance), withVariables("approvalDecision", "approve", "approvalReason", "計画作業"));
        executeJob(instance, "ServiceTask_RecordApproval");

        executeJob(instance, "ServiceTask_MarkWorkInProgress");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(RequestedItemState.WORK_IN_PROGRESS, "fulfillment",
                "opsflow: 作業開始: Runbook Restart-AzureVM")), any(NoteKey.class));
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        ArgumentCaptor<Map<String, String>> parameters = mapCaptor();
        verify(jobs).start(eq(ACME), anyString(), eq("Restart-AzureVM"), parameters.capture());
        assertThat(parameters.getValue()).containsEntry("VMName", "vm-acme-web01").containsEntry("ResourceGroupName", "rg-acme-prod")
                .containsEntry("RestartMode", "graceful");

        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        assertThat(runbookJob(instance)).isWaitingAt("IntermediateCatchEvent_RunbookJobPollDue").variables().containsEntry("runbookJobPollInterval", "PT20S");
        assertThat(runbookJob(instance).getTenantId()).as("the called job is the customer's").isEqualTo("acme");
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.COMPLETED));
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_CloseCompletedRequest");
        ArgumentCaptor<RequestedItemUpdate> closed = ArgumentCaptor.forClass(RequestedItemUpdate.class);
        ArgumentCaptor<NoteKey> keys = ArgumentCaptor.forClass(NoteKey.class);
        verify(servicenow, times(4)).updateRequestedItem(eq(RITM), closed.capture(), keys.capture());
        assertThat(keys.getAllValues()).as("each step its own note").doesNotHaveDuplicates();
        assertThat(closed.getValue().state()).isEqualTo(RequestedItemState.CLOSED_COMPLETE);
        assertThat(closed.getValue().stage()).isEqualTo("complete");
        assertThat(closed.getValue().workNotes()).contains("完了: Runbook Restart-AzureVM（ジョブ ").contains("再起動しました");
        assertThat(instance).isEnded().hasPassed("EndEvent_RequestFulfilled");
    }

    @Test
    void aRejectedRequestIsClosedIncompleteWithTheReasonAndNothingRuns() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        ClockUtil.setCurrentTime(Date.from(DECIDED_AT));
        signIn("tanaka");
        complete(task("UserTask_ApproveRequest", instance), withVariables("approvalDecision", "reject", "approvalReason", "業務時間中は不可"));
        executeJob(instance, "ServiceTask_CloseRejectedRequest");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(RequestedItemState.CLOSED_INCOMPLETE, "Request Cancelled",
                "opsflow: 却下（tanaka、2026-11-24T01:02:03Z）: 業務時間中は不可")), any(NoteKey.class));
        verify(jobs, never()).start(any(), anyString(), anyString(), any());
        assertThat(instance).isEnded().hasPassed("EndEvent_RequestRejected");
    }

    @Test
    void invalidVariablesCloseTheItemIncompleteNamingEachVariable() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", "not-a-guid", "resource_group", "rg-acme-prod", "vm_name", "VM_01!"));
        executeJob(instance, "ServiceTask_CloseInvalidRequest");
        ArgumentCaptor<RequestedItemUpdate> update = ArgumentCaptor.forClass(RequestedItemUpdate.class);
        verify(servicenow).updateRequestedItem(eq(RITM), update.capture(), any(NoteKey.class));
        assertThat(update.getValue().state()).isEqualTo(RequestedItemState.CLOSED_INCOMPLETE);
        assertThat(update.getValue().workNotes()).contains("依頼内容に不備があります:\n"
                + "- subscription_id: 'not-a-guid' は GUID ではありません").contains("\n- vm_name: 'VM_01!' は VM 名として使えません")
                .doesNotContain("is not");
        verify(jobs, never()).start(any(), anyString(), anyString(), any());
        assertThat(instance).isEnded().hasPassed("EndEvent_RequestInvalid");
    }

    @Test
    void anEnglishCustomerReadsTheInvalidRequestNoteInEnglish() {
        ProcessInstance instance = start("acme-en", "Restart VM",
                Map.of("subscription_id", "not-a-guid", "resource_group", "rg-acme-prod", "vm_name", "VM_01!"));
        executeJob(instance, "ServiceTask_CloseInvalidRequest");
        ArgumentCaptor<RequestedItemUpdate> update = ArgumentCaptor.forClass(RequestedItemUpdate.class);
        verify(servicenow).updateRequestedItem(eq(RITM), update.capture(), any(NoteKey.class));
        assertThat(update.getValue().workNotes()).contains("The request cannot be fulfilled as entered:\n"
                + "- subscription_id: 'not-a-guid' is not a GUID").contains("\n- vm_name: 'VM_01!' is not a valid VM name")
                .doesNotContain("ません");
    }

    @Test
    void anEnglishCustomersApprovalTaskAndSummaryAreInEnglish() {
        ProcessInstance instance = start("acme-en", "Restart VM",
                Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(null, "waiting_for_approval",
                "opsflow: Awaiting approval by operators (opsflow)")), any(NoteKey.class));
        assertThat(task("UserTask_ApproveRequest", instance)).hasName("Approve request · RITM0010007 · ACME UK · vm-acme-web01");
        assertThat((String) runtime.getVariable(instance.getId(), "requestSummary")).startsWith("Restart a virtual machine\n");
    }

    @Test
    void aJapaneseCustomersSummaryNamesTheItemInJapanese() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        assertThat((String) runtime.getVariable(instance.getId(), "requestSummary")).startsWith("仮想マシンの再起動\n");
    }

    @Test
    void aFailedJobGoesToAnOperatorAndOpensAnIncidentAndARetryIsANewJob() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        executeJob(instance, "ServiceTask_OpenFulfilmentIncident");
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(intake).receive(alert.capture());
        assertThat(alert.getValue().alertId()).isEqualTo("catalog:RITM0010007:attempt-1");
        assertThat(alert.getValue().description()).contains("VM not found");
        assertThat(alert.getValue().summary()).isEqualTo("[Catalog] RITM0010007 の実行に失敗: Restart-AzureVM");
        assertThat(task("UserTask_HandleFulfilmentFailure", instance)).hasCandidateGroup("operators");

        complete(task("UserTask_HandleFulfilmentFailure", instance), withVariables("failureDecision", "retry", "operatorNote", "権限を修正"));
        executeJob(instance, "ServiceTask_RecordRetryDecision");
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        ArgumentCaptor<String> names = ArgumentCaptor.forClass(String.class);
        verify(jobs, times(2)).start(eq(ACME), names.capture(), eq("Restart-AzureVM"), any());
        assertThat(names.getAllValues().get(0)).isNotEqualTo(names.getAllValues().get(1));
        assertThat(instance).variables().containsEntry("fulfilmentAttempt", 2L);
    }

    @Test
    void aStartRetriedAfterALostAnswerAsksForTheSameJob() {
        ProcessInstance instance = startApproved();
        when(jobs.start(any(), anyString(), anyString(), any())).thenThrow(new IllegalStateException("read timeout")).thenReturn(null);
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        Job start = management.createJobQuery().processInstanceId(runbookJob(instance).getId()).activityId("ServiceTask_StartRunbookJob").singleResult();
        try {
            management.executeJob(start.getId());
        } catch (IllegalStateException expected) {
            // the job retry cycle runs it again
        }
        management.executeJob(start.getId());
        ArgumentCaptor<String> names = ArgumentCaptor.forClass(String.class);
        verify(jobs, times(2)).start(eq(ACME), names.capture(), anyString(), any());
        assertThat(names.getAllValues()).hasSize(2).containsOnly(names.getAllValues().get(0));
    }

    @Test
    void aJobPastItsTimeoutIsStoppedAndHandedToAnOperator() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(31))));
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_StopRunbookJob");
        verify(jobs).stop(eq(ACME), anyString());
        assertThat(instance).isWaitingAt("ServiceTask_RecordFulfilmentFailure");
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).as("the note comes first").isZero();
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        assertThat(lastNote()).startsWith("opsflow: 時間切れ: Runbook Restart-AzureVM").contains("PT30M")
                .contains("エラー ストリーム:\nVM が見つかりません / VM not found");
        executeJob(instance, "ServiceTask_OpenFulfilmentIncident");
        ClockUtil.setCurrentTime(Date.from(DECIDED_AT));
        signIn("suzuki");
        complete(task("UserTask_HandleFulfilmentFailure", instance), withVariables("failureDecision", "close", "operatorNote", "翌日に再依頼"));
        executeJob(instance, "ServiceTask_CloseIncompleteRequest");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(RequestedItemState.CLOSED_INCOMPLETE, null,
                "opsflow: 未完了でクローズ（判断: suzuki、2026-11-24T01:02:03Z）: 翌日に再依頼")),
                any(NoteKey.class));
        assertThat(instance).isEnded();
    }

    @Test
    void anApprovalNotGivenInTimeRemindsThenEscalatesToManagers() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
        executeJob(instance, "BoundaryEvent_ApprovalReminderDue");
        executeJob(instance, "ServiceTask_RemindApprovers");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(null, null,
                "opsflow: 承認のリマインド: operators の承認待ちです")), any(NoteKey.class));
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(5))));
        executeJob(instance, "BoundaryEvent_ApprovalOverdue");
        assertThat(task("UserTask_ReviewOverdueApproval", instance)).hasCandidateGroup("managers");
        assertThat(instance).isWaitingAt("UserTask_ApproveRequest", "UserTask_ReviewOverdueApproval");
    }

    @Test
    void anItemWithoutApprovalGoesStraightToFulfilment() {
        ProcessInstance instance = start("Start VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        assertThat(instance).isWaitingAt("ServiceTask_MarkWorkInProgress").hasNotPassed("UserTask_ApproveRequest");
    }

    @Test
    void aCancellationInServiceNowStopsTheRunningJob() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        runtime.createMessageCorrelation("RequestItemCancelled").processInstanceId(instance.getId()).correlate();
        executeJob(instance, "ServiceTask_StopRunbookJob");
        verify(jobs).stop(eq(ACME), anyString());
        assertThat(instance).isEnded().hasPassed("EndEvent_RequestCancelled");
    }

    @Test
    void anApprovalIsNotedWithWhoApprovedWhenAndWhyEvenIfTheFormSubmitsAnotherName() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        ClockUtil.setCurrentTime(Date.from(DECIDED_AT));
        signIn("yamada");
        // A name sent with the form is refused by the engine (not a field of the form); the signed-in user is noted.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task("UserTask_ApproveRequest", instance),
                        withVariables("approvalDecision", "approve", "approvalReason", "計画作業", "approvalDecidedBy", "someone-else")))
                .hasMessageContaining("approvalDecidedBy: not a field of this form");
        complete(task("UserTask_ApproveRequest", instance), withVariables("approvalDecision", "approve", "approvalReason", "計画作業"));
        assertThat(instance).isWaitingAt("ServiceTask_RecordApproval");
        executeJob(instance, "ServiceTask_RecordApproval");
        verify(servicenow).updateRequestedItem(eq(RITM), eq(new RequestedItemUpdate(null, null,
                "opsflow: 承認（yamada、2026-11-24T01:02:03Z）: 計画作業")), any(NoteKey.class));
        assertThat(instance).isWaitingAt("ServiceTask_MarkWorkInProgress");
    }

    @Test
    void aDecisionWithoutASignedInUserNamesTheAssignee() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        taskService().claim(task("UserTask_ApproveRequest", instance).getId(), "kobayashi");
        complete(task("UserTask_ApproveRequest", instance), withVariables("approvalDecision", "approve", "approvalReason", "ok"));
        executeJob(instance, "ServiceTask_RecordApproval");
        assertThat(lastNote()).startsWith("opsflow: 承認（kobayashi、").endsWith("）: ok");
    }

    @Test
    void aFailedJobIsNotedWithItsExceptionAndErrorStreamBeforeTheOperatorTask() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED, "Runbook threw: VM vm-acme-web01 not found"));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isWaitingAt("ServiceTask_RecordFulfilmentFailure");
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).as("the note comes first").isZero();
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        assertThat(lastNote()).startsWith("opsflow: 失敗 (FAILED): Runbook Restart-AzureVM（ジョブ ")
                .contains("\n例外: Runbook threw: VM vm-acme-web01 not found")
                .contains("\nエラー ストリーム:\nVM が見つかりません / VM not found");
        executeJob(instance, "ServiceTask_OpenFulfilmentIncident");
        assertThat(task("UserTask_HandleFulfilmentFailure", instance)).isNotNull();
    }

    @Test
    void anEnglishCustomersFailedJobIsNotedInEnglish() {
        ProcessInstance instance = startApproved("acme-en");
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED, "Runbook threw: VM vm-acme-web01 not found"));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        assertThat(lastNote()).startsWith("opsflow: FAILED: runbook Restart-AzureVM (job ")
                .contains("\nException: Runbook threw: VM vm-acme-web01 not found").contains("\nError stream:\n")
                .doesNotContain("例外").doesNotContain("ジョブ");
    }

    @Test
    void aSuspendedJobIsNotedWithItsErrorBeforeTheOperatorTask() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.SUSPENDED, "Checkpoint-Workflow suspended the job"));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isWaitingAt("ServiceTask_RecordFulfilmentFailure");
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        assertThat(lastNote()).startsWith("opsflow: 要判断 (SUSPENDED)").contains("Azure Automation で再開か停止が必要です")
                .contains("例外: Checkpoint-Workflow suspended the job").contains("VM not found");
        verify(jobs, never()).stop(any(), anyString());
    }

    @Test
    void eachFailureDecisionIsNotedWithTheOperatorTheTimeAndTheComment() {
        ProcessInstance instance = failedOnce();
        ClockUtil.setCurrentTime(Date.from(DECIDED_AT));
        signIn("suzuki");
        complete(task("UserTask_HandleFulfilmentFailure", instance), withVariables("failureDecision", "retry", "operatorNote", "権限を修正"));
        assertThat(instance).isWaitingAt("ServiceTask_RecordRetryDecision");
        executeJob(instance, "ServiceTask_RecordRetryDecision");
        assertThat(lastNote()).isEqualTo("opsflow: 再実行（判断: suzuki、2026-11-24T01:02:03Z）: 試行 2: 権限を修正");

        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        executeJob(instance, "ServiceTask_OpenFulfilmentIncident");
        signIn("watanabe");
        complete(task("UserTask_HandleFulfilmentFailure", instance), withVariables("failureDecision", "manual", "operatorNote", "ポータルから再起動"));
        executeJob(instance, "ServiceTask_CloseFulfilledByHand");
        assertThat(lastNote()).isEqualTo("opsflow: 手作業で完了（判断: watanabe、2026-11-24T01:02:03Z）: ポータルから再起動");
        ArgumentCaptor<NoteKey> keys = ArgumentCaptor.forClass(NoteKey.class);
        verify(servicenow, atLeastOnce()).updateRequestedItem(eq(RITM), any(), keys.capture());
        assertThat(keys.getAllValues()).as("the failure note of attempt 2 is not taken for that of attempt 1").doesNotHaveDuplicates();
        assertThat(instance).isEnded().hasPassed("EndEvent_FulfilledByHand");
    }

    @Test
    void aForgedRunbookOrParametersSubmittedWithTheRetryDoNotChangeWhatIsStarted() {
        ProcessInstance instance = failedOnce();
        complete(task("UserTask_HandleFulfilmentFailure", instance), withVariables("failureDecision", "retry", "operatorNote", "再実行",
                "runbook", "Add-OperatorAccount", "runbookParameters", "{\"UserPrincipalName\":\"evil@contoso.com\"}"));
        executeJob(instance, "ServiceTask_RecordRetryDecision");
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");

        ArgumentCaptor<Map<String, String>> parameters = mapCaptor();
        verify(jobs, times(2)).start(eq(ACME), anyString(), eq("Restart-AzureVM"), parameters.capture());
        verify(jobs, never()).start(any(), anyString(), eq("Add-OperatorAccount"), any());
        assertThat(parameters.getAllValues().get(1)).isEqualTo(parameters.getAllValues().get(0))
                .containsEntry("VMName", "vm-acme-web01").doesNotContainKey("UserPrincipalName");
        assertThat(instance).variables().containsEntry("runbook", "Restart-AzureVM");
        assertThat((String) runtime.getVariable(instance.getId(), "runbookParameters")).contains("vm-acme-web01").doesNotContain("evil");
    }

    @Test
    void aNoteRetriedByTheJobExecutorKeepsItsKey() {
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        when(servicenow.updateRequestedItem(anyString(), any(), any(NoteKey.class)))
                .thenThrow(new IllegalStateException("read timeout")).thenReturn(null);
        Job mark = management.createJobQuery().processInstanceId(instance.getId()).activityId("ServiceTask_MarkAwaitingApproval").singleResult();
        try {
            management.executeJob(mark.getId());
        } catch (IllegalStateException expected) {
            // the job retry cycle runs it again
        }
        management.executeJob(mark.getId());
        ArgumentCaptor<NoteKey> keys = ArgumentCaptor.forClass(NoteKey.class);
        verify(servicenow, times(2)).updateRequestedItem(eq(RITM), any(), keys.capture());
        assertThat(keys.getAllValues().get(1)).isEqualTo(keys.getAllValues().get(0));
    }

    /** Approved, started, failed, noted: waiting for the operator's decision. */
    private ProcessInstance failedOnce() {
        ProcessInstance instance = startApproved();
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED));
        executeJob(instance, "ServiceTask_ResolveFulfilmentRunbook");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_RecordFulfilmentFailure");
        executeJob(instance, "ServiceTask_OpenFulfilmentIncident");
        return instance;
    }

    private ProcessInstance startApproved() {
        return startApproved("acme");
    }

    private ProcessInstance startApproved(String customerId) {
        ProcessInstance instance = start(customerId, "Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");
        complete(task("UserTask_ApproveRequest", instance), withVariables("approvalDecision", "approve", "approvalReason", "ok"));
        executeJob(instance, "ServiceTask_RecordApproval");
        executeJob(instance, "ServiceTask_MarkWorkInProgress");
        return instance;
    }

    @Test
    void theApprovalTaskSaysWhatItIsForAndIsDueAtTheApprovalDeadline() {
        Instant t0 = Instant.parse("2026-11-24T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(t0));
        ProcessInstance instance = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01",
                "reason", "月例パッチ適用後の再起動", "scheduled_start", "2026-11-24 02:10:00"));
        executeJob(instance, "ServiceTask_MarkAwaitingApproval");

        assertThat(task("UserTask_ApproveRequest", instance)).hasName("承認 · RITM0010007 · ACME · vm-acme-web01")
                .hasDescription("RITM0010007 · ACME · vm-acme-web01 · Restart VM · 佐藤 花子")
                .hasDueDate(Date.from(t0.plus(Duration.ofHours(4))));
        assertThat(task("UserTask_ApproveRequest", instance).getPriority()).isEqualTo(50);
        assertThat(instance).variables().containsEntry("customerName", "ACME").containsEntry("requestReason", "月例パッチ適用後の再起動")
                .containsEntry("scheduledStart", "2026-11-24 02:10 UTC").containsEntry("scheduledStartPassed", false);

        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofHours(4)).plusSeconds(1)));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_ApprovalOverdue").singleResult().getId());
        assertThat(task("UserTask_ReviewOverdueApproval", instance)).hasName("期限超過の承認 · RITM0010007 · ACME · vm-acme-web01")
                .hasDueDate(Date.from(t0.plus(Duration.ofHours(5)).plusSeconds(1)));
        assertThat(task("UserTask_ReviewOverdueApproval", instance).getPriority()).isEqualTo(60);
        assertThat(instance).variables().containsEntry("scheduledStartPassed", true);
    }

    @Test
    void aScheduledStartAlreadyPastIsFlaggedAndAnItemWithoutOneShowsNothing() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T03:00:00Z")));
        ProcessInstance late = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01",
                "scheduled_start", "2026-11-24 02:10:00"));
        executeJob(late, "ServiceTask_MarkAwaitingApproval");
        assertThat(late).variables().containsEntry("scheduledStartPassed", true);

        ProcessInstance unscheduled = start("Restart VM", Map.of("subscription_id", SUB, "resource_group", "rg-acme-prod", "vm_name", "vm-acme-web01"));
        executeJob(unscheduled, "ServiceTask_MarkAwaitingApproval");
        assertThat(unscheduled).variables().containsEntry("scheduledStart", "").containsEntry("requestReason", "")
                .containsEntry("scheduledStartPassed", false);
    }

    private ProcessInstance start(String catalogItemName, Map<String, String> variables) {
        return start("acme", catalogItemName, variables);
    }

    private ProcessInstance start(String customerId, String catalogItemName, Map<String, String> variables) {
        Map<String, Object> start = new HashMap<>();
        start.put("customerId", customerId);
        start.put("ritmSysId", RITM);
        start.put("ritmNumber", "RITM0010007");
        start.put("catItemSysId", "00000000000000000000000000000000");
        start.put("catItemName", catalogItemName);
        start.put("requestedFor", "佐藤 花子");
        try {
            start.put("ritmVariables", new ObjectMapper().writeValueAsString(variables));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return runtime.startProcessInstanceByKey("service-catalog-request", "RITM0010007", start);
    }

    /** Runs the job at the step, in the request's instance or in the runbook-job it calls. */
    private void executeJob(ProcessInstance instance, String activityId) {
        ProcessInstance called = runbookJob(instance);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (job == null && called != null) {
            job = management.createJobQuery().processInstanceId(called.getId()).activityId(activityId).singleResult();
        }
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private ProcessInstance runbookJob(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Map<String, String>> mapCaptor() {
        return ArgumentCaptor.forClass(Map.class);
    }

    private static AutomationJob job(AutomationJobStatus status) {
        return job(status, null);
    }

    private static AutomationJob job(AutomationJobStatus status, String exception) {
        return new AutomationJob("job", "id", "Restart-AzureVM", status, null, null, exception, null, null, null, Map.of());
    }

    /** The work note of the latest RITM update. */
    private String lastNote() {
        ArgumentCaptor<RequestedItemUpdate> updates = ArgumentCaptor.forClass(RequestedItemUpdate.class);
        verify(servicenow, atLeastOnce()).updateRequestedItem(eq(RITM), updates.capture(), any(NoteKey.class));
        return updates.getValue().workNotes();
    }

    /** Signed in as Tasklist signs a user in: a member of the request's customer (tenant). */
    private void signIn(String userId) {
        engine.getIdentityService().setAuthentication(userId, java.util.List.of("operators", "managers"), java.util.List.of("acme"));
    }
}
