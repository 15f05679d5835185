package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.SupportCatalog;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobStatus;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.escalation.EscalationMocks;
import io.opsflow.messages.Messages;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.runbook.RunbookJobMocks;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.IncidentState;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NewIncident;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.slack.SlackMessage;
import io.opsflow.slack.SlackNotifier;

/** incident-coordination on a bare engine: real delegates around mocked ServiceNow, Automation and Slack. */
@Deployment(resources = {
        "processes/incident/incident-coordination.bpmn", "processes/incident/incident-sla-escalation.bpmn",
        "processes/incident/incident-priority.dmn", "processes/incident/incident-sla-defaults.dmn",
        "processes/incident/diagnostic-runbook.dmn", "processes/incident/incident-triage.form",
        "processes/incident/incident-investigation.form", "processes/incident/incident-resolution.form",
        "processes/incident/incident-post-incident-review.form", "processes/incident/incident-sla-escalation.form",
        "processes/escalation/microsoft-support-escalation.bpmn", "processes/escalation/microsoft-support-relay.bpmn",
        "processes/escalation/escalation-severity.dmn", "processes/escalation/support-ticket-preparation.form",
        "processes/escalation/support-ticket-failed.form", "processes/escalation/support-ticket-notice.form",
        "processes/runbook/runbook-job.bpmn"})
class IncidentCoordinationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String VM = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01";
    static final String ALERT_ID = "/subscriptions/00000000-1111-2222-3333-444444444444/providers/Microsoft.AlertsManagement/alerts/2d9f4c61";
    static final Customer ACME = new Customer("acme", "ACME株式会社", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of("00000000-1111-2222-3333-444444444444"),
                    new Customer.AutomationAccount("00000000-1111-2222-3333-444444444444", "rg-acme-ops", "aa-acme-ops"),
                    new Customer.Credential("managed-identity", null, null)),
            new Customer.ServiceNow("8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f", "MSP Operations"), null, new Customer.Slack("ACME_SLACK"),
            Map.of("P1", new Customer.SlaTarget(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4))), null);
    /** A customer whose people read English. */
    static final Customer GLOBEX = new Customer("globex", "Globex Ltd", "en", ACME.azure(), ACME.servicenow(), null,
            new Customer.Slack("GLOBEX_SLACK"), ACME.sla(), null);

    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final AutomationJobs jobs = mock(AutomationJobs.class);
    final SlackNotifier slack = mock(SlackNotifier.class);
    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final OpenIncidents openIncidents = mock(OpenIncidents.class);
    final SupportCatalog supportCatalog = mock(SupportCatalog.class);
    final SupportTickets supportTickets = mock(SupportTickets.class);
    final IncidentProperties properties = new IncidentProperties("https://opsflow.example.jp", Duration.ofMinutes(30), "Solution provided", 4000);

    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        when(servicenow.createIncident(any())).thenReturn(incident("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "INC0010042"));
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.RUNNING));
        IncidentContext context = new IncidentContext(customers);
        Messages messages = MessagesFixture.messages(customers);
        WorkNotes workNotes = new WorkNotes(servicenow, properties, context, messages);
        Mocks.register("determineSlaTargetsDelegate", new DetermineSlaTargetsDelegate(context));
        Mocks.register("createServiceNowIncidentDelegate", new CreateServiceNowIncidentDelegate(context, servicenow, properties, workNotes));
        Mocks.register("prepareDiagnosticRunbookDelegate", new PrepareDiagnosticRunbookDelegate(context, properties, messages));
        Mocks.register("describeDiagnosticResultListener", new DescribeDiagnosticResultListener(context, messages));
        RunbookJobMocks.register(customers, jobs);
        Mocks.register("addDiagnosticWorkNoteDelegate", new AddDiagnosticWorkNoteDelegate(workNotes));
        Mocks.register("addAlertWorkNoteDelegate", new AddAlertWorkNoteDelegate(workNotes));
        Mocks.register("closeSelfHealedIncidentDelegate", new CloseSelfHealedIncidentDelegate(servicenow, properties, context, messages));
        Mocks.register("resolveServiceNowIncidentDelegate", new ResolveServiceNowIncidentDelegate(servicenow));
        Mocks.register("recordServiceNowCommentDelegate", new RecordServiceNowCommentDelegate());
        Mocks.register("notifySlackChannelDelegate", new NotifySlackChannelDelegate(context, slack, properties, messages));
        Mocks.register("addSlaMissedWorkNoteDelegate", new AddSlaMissedWorkNoteDelegate(workNotes));
        Mocks.register("releaseIncidentKeysListener", new ReleaseIncidentKeysListener(openIncidents));
        Mocks.register("describeIncidentTaskListener", new DescribeIncidentTaskListener(context, messages));
        EscalationMocks.register(customers, supportCatalog, supportTickets, mock(SupportCommunications.class), servicenow, slack);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void anAlertBecomesAServiceNowIncidentThatIsTriagedAndResolved() {
        ProcessInstance instance = startAlert(2);
        assertThat(instance).isWaitingAt("ServiceTask_CreateServiceNowIncident").variables().containsEntry("priority", "P3");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");

        ArgumentCaptor<NewIncident> created = ArgumentCaptor.forClass(NewIncident.class);
        verify(servicenow).createIncident(created.capture());
        assertThat(created.getValue().correlationId()).isEqualTo(ALERT_ID);
        assertThat(created.getValue().company()).isEqualTo("8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f");
        assertThat(created.getValue().assignmentGroup()).isEqualTo("MSP Operations");
        assertThat(created.getValue().impact()).isEqualTo("2");
        assertThat(created.getValue().urgency()).isEqualTo("2");
        assertThat(created.getValue().description()).contains("CPU 97%")
                .contains("https://opsflow.example.jp/camunda/app/cockpit/default/#/process-instance/" + instance.getId());

        assertThat(instance).isWaitingAt("UserTask_Triage", "CallActivity_RunDiagnosticRunbook");
        assertThat(diagnostics(instance)).isWaitingAt("ServiceTask_StartRunbookJob");
        assertThat(task("UserTask_Triage", instance)).hasCandidateGroup("operators");
        assertThat(new String(readAll(engine.getFormService().getDeployedTaskForm(task("UserTask_Triage", instance).getId())),
                java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\": \"incident-triage\"").contains("所見 / Findings");
        complete(task("UserTask_Triage", instance), withVariables("findings", "CPU 高負荷はバッチ処理によるもの", "causeIdentified", true,
                "needsMicrosoft", false));
        complete(task("UserTask_Resolve", instance), withVariables("resolution", "バッチを再スケジュール", "closeCode", "Solution provided"));
        executeJob(instance, "ServiceTask_ResolveServiceNowIncident");

        verify(servicenow).updateIncident("5f2e8c1a47d0b210a3c9e6f15d8b7a42", IncidentUpdate.resolve("Solution provided", "バッチを再スケジュール"));
        assertThat(instance).isEnded().hasNotPassed("UserTask_PostIncidentReview");
        verify(openIncidents).release(instance.getId());
    }

    @Test
    void p1AndP2IncidentsGetAPostIncidentReview() {
        ProcessInstance instance = startAlert(0);
        assertThat(instance).variables().containsEntry("priority", "P1").containsEntry("impact", "1").containsEntry("urgency", "1");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        complete(task("UserTask_Triage", instance), withVariables("findings", "x", "causeIdentified", true, "needsMicrosoft", false));
        complete(task("UserTask_Resolve", instance), withVariables("resolution", "fixed", "closeCode", "Solution provided"));
        executeJob(instance, "ServiceTask_ResolveServiceNowIncident");
        assertThat(instance).isWaitingAt("UserTask_PostIncidentReview");
        complete(task("UserTask_PostIncidentReview", instance), withVariables("rootCause", "r", "preventiveActions", "p"));
        assertThat(instance).isEnded();
    }

    @Test
    void everyTaskSaysWhichIncidentItIsForIsDueAtItsSlaTargetAndRanksByPriority() {
        Instant t0 = Instant.parse("2026-11-24T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(t0));
        ProcessInstance instance = startAlert(0);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        String subject = "INC0010042 · ACME株式会社 · vm-acme-web01";

        assertThat(task("UserTask_Triage", instance)).hasName("トリアージ · " + subject)
                .hasDescription("P1 · " + subject + " · [Azure Monitor] Sev0 acme-vm-cpu-high fired on vm-acme-web01")
                .hasDueDate(Date.from(t0.plus(Duration.ofMinutes(15))));
        assertThat(task("UserTask_Triage", instance).getPriority()).isEqualTo(100);
        assertThat(instance).variables().containsEntry("customerName", "ACME株式会社");
        complete(task("UserTask_Triage", instance), withVariables("findings", "x", "causeIdentified", false, "needsMicrosoft", false));

        assertThat(task("UserTask_InvestigateCause", instance)).hasName("原因調査 · " + subject)
                .hasDueDate(Date.from(t0.plus(Duration.ofHours(1))));
        complete(task("UserTask_InvestigateCause", instance), withVariables("findings", "y", "causeIdentified", true, "needsMicrosoft", false));

        assertThat(task("UserTask_Resolve", instance)).hasName("解決 · " + subject)
                .hasDueDate(Date.from(t0.plus(Duration.ofHours(4))));
        assertThat(task("UserTask_Resolve", instance).getPriority()).isEqualTo(100);
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofHours(2))));
        complete(task("UserTask_Resolve", instance), withVariables("resolution", "fixed", "closeCode", "Solution provided"));
        executeJob(instance, "ServiceTask_ResolveServiceNowIncident");
        assertThat(task("UserTask_PostIncidentReview", instance)).hasName("事後レビュー · " + subject)
                .hasDueDate(Date.from(t0.plus(Duration.ofHours(2)).plus(Duration.ofDays(7))));
    }

    @Test
    void aLowerPriorityIncidentRanksLowerAndItsSlaMissReviewIsDueAtTheResolveTarget() {
        ProcessInstance instance = startAlert(3);
        assertThat(instance).variables().containsEntry("priority", "P4");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(task("UserTask_Triage", instance).getPriority()).isEqualTo(40);
        Date resolveDueAt = (Date) runtime.getVariable(instance.getId(), "resolveDueAt");
        Date acknowledgeDueAt = (Date) runtime.getVariable(instance.getId(), "acknowledgeDueAt");
        assertThat(task("UserTask_Triage", instance)).hasDueDate(acknowledgeDueAt);

        ClockUtil.setCurrentTime(new Date(acknowledgeDueAt.getTime() + 1000));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_AcknowledgeSlaMissed").singleResult().getId());
        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("incident-sla-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        executeJob(escalation, "ServiceTask_NotifySlackChannel");
        executeJob(escalation, "ServiceTask_AddSlaMissedWorkNote");
        assertThat(task("UserTask_ReviewSlaMiss", escalation)).hasName("SLA 超過の確認 · INC0010042 · ACME株式会社 · vm-acme-web01")
                .hasDueDate(resolveDueAt);
        assertThat(task("UserTask_ReviewSlaMiss", escalation).getPriority()).isEqualTo(40);
    }

    @Test
    void aMissedAcknowledgeTargetEscalatesWithoutStoppingTriage() {
        ProcessInstance instance = startAlert(0);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_AcknowledgeSlaMissed").singleResult();
        assertThat(timer.getDuedate()).isBefore(ClockUtil.getCurrentTime());
        management.executeJob(timer.getId());

        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("incident-sla-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        assertThat(escalation).variables().containsEntry("missedSla", "acknowledge");
        assertThat(escalation.getBusinessKey()).isEqualTo(ALERT_ID);
        executeJob(escalation, "ServiceTask_NotifySlackChannel");
        executeJob(escalation, "ServiceTask_AddSlaMissedWorkNote");
        ArgumentCaptor<SlackMessage> message = ArgumentCaptor.forClass(SlackMessage.class);
        verify(slack).notify(eq(ACME), message.capture());
        SlackMessage slackMessage = message.getValue();
        assertThat(slackMessage.text()).isEqualTo("SLA 超過: INC0010042 " + alert(0).summary());
        assertThat(slackMessage.header()).isEqualTo("SLA 超過: 受付");
        assertThat(slackMessage.fields()).extracting(SlackMessage.Field::label).containsExactly("インシデント", "優先度", "目標");
        assertThat(slackMessage.context()).isEqualTo("opsflow: マネージャーに通知済み");
        assertThat(slackMessage.link().label()).isEqualTo("opsflow で開く");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).isEqualTo("opsflow: SLA 超過: 受付（P1、目標 PT15M）。マネージャーに通知しました。");
        assertThat(task("UserTask_ReviewSlaMiss", escalation)).hasCandidateGroup("managers");
        assertThat(instance).isWaitingAt("UserTask_Triage");
    }

    @Test
    void anEnglishCustomerReadsItsSlaMissOnSlackInTheWorkNoteAndInTaskNamesInEnglish() {
        ProcessInstance instance = startAlert("globex", 0);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(task("UserTask_Triage", instance)).hasName("Triage · INC0010042 · Globex Ltd · vm-acme-web01");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_AcknowledgeSlaMissed").singleResult().getId());

        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("incident-sla-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        executeJob(escalation, "ServiceTask_NotifySlackChannel");
        executeJob(escalation, "ServiceTask_AddSlaMissedWorkNote");
        ArgumentCaptor<SlackMessage> message = ArgumentCaptor.forClass(SlackMessage.class);
        verify(slack).notify(eq(GLOBEX), message.capture());
        SlackMessage slackMessage = message.getValue();
        assertThat(slackMessage.text()).isEqualTo("SLA missed: INC0010042 " + alert("globex", 0).summary());
        assertThat(slackMessage.header()).isEqualTo("SLA missed: acknowledge");
        assertThat(slackMessage.fields()).extracting(SlackMessage.Field::label).containsExactly("Incident", "Priority", "Target");
        assertThat(slackMessage.context()).isEqualTo("opsflow: managers notified");
        assertThat(slackMessage.link().label()).isEqualTo("Open in opsflow");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).isEqualTo("opsflow: SLA missed: acknowledge (P1, target PT15M). Managers notified.");
        assertThat(task("UserTask_ReviewSlaMiss", escalation)).hasName("Review SLA miss · INC0010042 · Globex Ltd · vm-acme-web01");
    }

    @Test
    void aNoteTooLongIsCutAndSaysHowMuchIsLeftInTheCustomersLanguage() {
        WorkNotes workNotes = new WorkNotes(servicenow, new IncidentProperties("https://opsflow.example.jp",
                Duration.ofMinutes(30), "Solution provided", 10), new IncidentContext(customers), MessagesFixture.messages(customers));
        Messages messages = MessagesFixture.messages(customers);
        assertThat(workNotes.trim("0123456789abc", messages.forCustomer(ACME))).isEqualTo("0123456789\n…（残り 3 文字）");
        assertThat(workNotes.trim("0123456789abc", messages.forCustomer(GLOBEX))).isEqualTo("0123456789\n… (3 more characters)");
        assertThat(workNotes.trim("0123456789", messages.forCustomer(GLOBEX))).isEqualTo("0123456789");
    }

    @Test
    void aMissedIdentifyCauseTargetEscalatesWhileInvestigationGoesOn() {
        ProcessInstance instance = startAlert(0);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        complete(task("UserTask_Triage", instance), withVariables("findings", "unclear", "causeIdentified", false, "needsMicrosoft", false));
        assertThat(instance).isWaitingAt("UserTask_InvestigateCause");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_IdentifyCauseSlaMissed").singleResult();
        management.executeJob(timer.getId());
        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("incident-sla-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        assertThat(escalation).variables().containsEntry("missedSla", "identifyCause");
        assertThat(instance).isWaitingAt("UserTask_InvestigateCause");
    }

    @Test
    void anAlertResolvedBeforeTriageClosesTheIncidentAsSelfHealed() {
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runtime.createMessageCorrelation("AlertResolved").processInstanceId(instance.getId())
                .setVariable("alertNoteReceived", Variables.stringValue("resolved", true)).correlate();
        executeJob(instance, "ServiceTask_CloseSelfHealedIncident");
        ArgumentCaptor<IncidentUpdate> update = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), update.capture());
        assertThat(update.getValue().state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(update.getValue().closeNotes()).isEqualTo("自己回復: トリアージ前に監視がアラートの回復を報告しました。(opsflow)");
        assertThat(instance).isEnded().hasPassed("EndEvent_SelfHealed").hasNotPassed("UserTask_Resolve");
    }

    @Test
    void aStormOfFiftyAlertsMakesFiftyWorkNotesOnOneIncident() {
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        for (int i = 0; i < 50; i++) {
            runtime.createMessageCorrelation("AlertUpdateReceived").processInstanceId(instance.getId())
                    .setVariable("alertNoteReceived", Variables.stringValue("アラート発生 #" + i, true)).correlate();
        }
        List<Job> notes = management.createJobQuery().processInstanceId(instance.getId()).activityId("ServiceTask_AddAlertWorkNote").list();
        assertThat(notes).hasSize(50);
        notes.forEach(job -> management.executeJob(job.getId()));
        ArgumentCaptor<IncidentUpdate> updates = ArgumentCaptor.forClass(IncidentUpdate.class);
        ArgumentCaptor<NoteKey> keys = ArgumentCaptor.forClass(NoteKey.class);
        verify(servicenow, times(50)).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), updates.capture(), keys.capture());
        assertThat(updates.getAllValues()).extracting(IncidentUpdate::workNotes).contains("opsflow: アラート発生 #0", "opsflow: アラート発生 #49");
        assertThat(keys.getAllValues()).as("one note each, not one note for all").doesNotHaveDuplicates();
        assertThat(instance).isWaitingAt("UserTask_Triage");
    }

    @Test
    void aServiceNowIncidentIsLinkedNotCreated() {
        Map<String, Object> variables = new java.util.HashMap<>(StartVariables.of(alert(2), true));
        variables.putAll(Map.of("source", "servicenow", "serviceNowSysId", "0c6e2a4b8d1f4e3a9b7c5d3e1f0a2b4c",
                "serviceNowNumber", "INC0010039", "impact", "1", "urgency", "2"));
        variables.put("severityLevel", null);
        variables.put("targetResourceType", null);
        ProcessInstance instance = runtime.startProcessInstanceByKey("incident-coordination", "INC0010039", variables);
        assertThat(instance).isWaitingAt("UserTask_Triage").hasNotPassed("ServiceTask_CreateServiceNowIncident")
                .variables().containsEntry("priority", "P2");
        assertThat(diagnosticNote(instance)).isEqualTo("診断未実施: このインシデントには Azure リソースの種類がありません。");
        verify(servicenow, never()).createIncident(any());
    }

    @Test
    void completedDiagnosticsAreSummarisedForTheTriageFormAndOneWorkNote() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.COMPLETED));
        when(jobs.output(any(), anyString())).thenReturn(DiagnosticSummaryTest.WINDOWS_VM);
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(diagnosticNote(instance)).startsWith("診断実行中: Runbook Get-OpsflowVmDiagnostics。結果または結果がない理由は約 30 分以内に表示されます")
                .contains("Cockpit");
        runDiagnosticJob(instance);
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        String note = theOneWorkNote();
        assertThat(note).startsWith("opsflow: 診断 Runbook Get-OpsflowVmDiagnostics 完了:\n重大 1 件、警告 1 件、不明 1 件、正常 1 件\n")
                .contains("【重大】ディスク空き容量: C: 3%").doesNotContain("\"checks\"");
        assertThat(note.indexOf("【重大】")).isLessThan(note.indexOf("【警告】"));
        assertThat(note).isEqualTo("opsflow: " + diagnosticNote(instance));
        assertThat(instance).isWaitingAt("UserTask_Triage").hasPassed("EndEvent_DiagnosticsDone");
    }

    @Test
    void failingDiagnosticsAreNotedWithTheFirstErrorLinesAndTheIncidentProceeds() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED));
        when(jobs.errors(any(), anyString())).thenReturn("Get-VM: 権限がありません\n" + "   at line: 12\n".repeat(7));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runDiagnosticJob(instance);
        verify(jobs).start(eq(ACME), anyString(), eq("Get-OpsflowVmDiagnostics"), anyMap());
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        String job = (String) runtime.getVariable(instance.getId(), "runbookJobName");
        assertThat(theOneWorkNote()).isEqualTo("opsflow: 診断結果なし: Runbook Get-OpsflowVmDiagnostics が Azure Automation で失敗しました（ジョブ "
                + job + "）。エラーの先頭:\nGet-VM: 権限がありません" + "\nat line: 12".repeat(4) + "\n… 他 3 行");
        assertThat(diagnosticNote(instance)).startsWith("診断結果なし: Runbook Get-OpsflowVmDiagnostics が Azure Automation で失敗しました");
        assertThat(instance).isWaitingAt("UserTask_Triage").hasPassed("EndEvent_DiagnosticsDone");
    }

    @Test
    void anEnglishCustomersDiagnosticNoteIsInEnglish() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.FAILED));
        when(jobs.errors(any(), anyString())).thenReturn("Get-VM: access denied");
        ProcessInstance instance = startAlert("globex", 2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(diagnosticNote(instance)).startsWith("Diagnostics running: runbook Get-OpsflowVmDiagnostics; its result, or why there is none, comes within about 30 minutes");
        runDiagnosticJob(instance);
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).contains("Diagnostics missing: runbook Get-OpsflowVmDiagnostics failed in Azure Automation (job ")
                .endsWith("First lines of its errors:\nGet-VM: access denied").doesNotContain("診断");
    }

    @Test
    void anEnglishCustomersSummaryIsInEnglish() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.COMPLETED));
        when(jobs.output(any(), anyString())).thenReturn(DiagnosticSummaryTest.WINDOWS_VM);
        ProcessInstance instance = startAlert("globex", 2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runDiagnosticJob(instance);
        assertThat(diagnosticNote(instance)).startsWith("Diagnostic runbook Get-OpsflowVmDiagnostics completed:\nCritical 1, warning 1, unknown 1, ok 1\n")
                .contains("[Critical] Free disk space: C: 3%");
    }

    @Test
    void aCustomerWithoutAnAutomationAccountGetsANoteInsteadOfADiagnosticJob() {
        when(customers.find("acme")).thenReturn(Optional.of(new Customer("acme", "ACME株式会社", "ja", null, ACME.servicenow(), null,
                ACME.slack(), ACME.sla(), null)));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(instance).isWaitingAt("UserTask_Triage", "ServiceTask_AddDiagnosticWorkNote").hasNotPassed("CallActivity_RunDiagnosticRunbook");
        String expected = "診断結果なし: 顧客の Automation アカウントが未登録のため Runbook Get-OpsflowVmDiagnostics を実行できません。";
        assertThat(diagnosticNote(instance)).isEqualTo(expected);
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).isEqualTo("opsflow: " + expected);
        verify(jobs, never()).start(any(), anyString(), anyString(), anyMap());
    }

    @Test
    void aResourceTypeWithoutADiagnosticRunbookIsNoted() {
        ProcessInstance instance = runtime.createProcessInstanceByKey("incident-coordination").businessKey(ALERT_ID)
                .setVariables(StartVariables.of(new Alert("azure-monitor", ALERT_ID, ALERT_ID + "/Fired", "acme", "acme-storage-latency",
                        "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-acme-prod/providers/Microsoft.Storage/storageAccounts/stacme",
                        2, Alert.State.FIRED, "[Azure Monitor] Sev2 acme-storage-latency", "SuccessE2ELatency 900ms", Instant.now()), true))
                .execute();
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        assertThat(instance).isWaitingAt("UserTask_Triage", "ServiceTask_AddDiagnosticWorkNote").hasNotPassed("CallActivity_RunDiagnosticRunbook");
        assertThat(diagnosticNote(instance)).isEqualTo("診断結果なし: リソースタイプ microsoft.storage/storageaccounts 用の診断 Runbook が定義されていません"
                + "（判定表 diagnostic-runbook）。");
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).contains("microsoft.storage/storageaccounts");
        verify(jobs, never()).start(any(), anyString(), anyString(), anyMap());
    }

    @Test
    void aRunbookMissingFromTheAutomationAccountIsNotedNotAnIncident() {
        when(jobs.start(any(), anyString(), anyString(), anyMap())).thenThrow(new ArmNotFoundException("RunbookNotFound",
                "ARM PUT /subscriptions/…/automationAccounts/aa-acme-ops/jobs/diag answered 404 RunbookNotFound: Runbook Get-OpsflowVmDiagnostics not found",
                "4c1e9a20"));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        assertThat(diagnostics(instance)).isNull();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(instance).isWaitingAt("UserTask_Triage", "ServiceTask_AddDiagnosticWorkNote").hasPassed("BoundaryEvent_DiagnosticRunbookNotFound");
        assertThat(diagnosticNote(instance)).startsWith("診断結果なし: Runbook Get-OpsflowVmDiagnostics が Automation アカウント aa-acme-ops に見つかりません。")
                .contains("404 RunbookNotFound: Runbook Get-OpsflowVmDiagnostics not found");
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).isEqualTo("opsflow: " + diagnosticNote(instance));
    }

    @Test
    void aDiagnosticJobStoppedInAzureIsNoted() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.STOPPED));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runDiagnosticJob(instance);
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).contains("診断結果なし: Runbook Get-OpsflowVmDiagnostics は完了前に Azure Automation で停止されました");
        assertThat(instance).isWaitingAt("UserTask_Triage");
    }

    @Test
    void aSuspendedDiagnosticJobIsHandedToAHuman() {
        when(jobs.get(any(), anyString())).thenReturn(job(AutomationJobStatus.SUSPENDED));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runDiagnosticJob(instance);
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).contains("診断結果なし: Runbook Get-OpsflowVmDiagnostics は Azure Automation で SUSPENDED 状態のまま、再開か停止の判断を待っています");
        assertThat(instance).isWaitingAt("UserTask_Triage");
        verify(jobs, never()).stop(any(), anyString());
    }

    @Test
    void aDiagnosticJobPastItsTimeLimitIsStoppedAndNoted() {
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        assertThat(instance).isWaitingAt("CallActivity_RunDiagnosticRunbook", "UserTask_Triage");
        assertThat(diagnostics(instance)).isWaitingAt("IntermediateCatchEvent_RunbookJobPollDue");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(31))));
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
        executeJob(instance, "ServiceTask_StopRunbookJob");
        verify(jobs).stop(eq(ACME), anyString());
        executeJob(instance, "ServiceTask_AddDiagnosticWorkNote");
        assertThat(theOneWorkNote()).contains("診断結果なし: Runbook Get-OpsflowVmDiagnostics が 30 分以内に終わらず停止しました");
        assertThat(instance).isWaitingAt("UserTask_Triage");
    }

    @Test
    void aTechnicalDiagnosticsFailureBecomesACamundaIncidentNotABlockedTriage() {
        when(jobs.start(any(), anyString(), anyString(), anyMap())).thenThrow(new IllegalStateException("ARM unavailable"));
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        Job start = management.createJobQuery().processInstanceId(diagnostics(instance).getId()).activityId("ServiceTask_StartRunbookJob").singleResult();
        // PT1M,PT2M,PT5M,PT10M,PT15M,PT30M: the first attempt and six retries
        for (int attempt = 0; attempt < 7; attempt++) {
            try {
                management.executeJob(start.getId());
            } catch (IllegalStateException expected) {
                // retried by the job cycle
            }
        }
        assertThat(management.createJobQuery().jobId(start.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        complete(task("UserTask_Triage", instance), withVariables("findings", "x", "causeIdentified", true, "needsMicrosoft", false));
        assertThat(instance).isWaitingAt("UserTask_Resolve");
    }

    @Test
    void microsoftIsBroughtInThroughTheEscalationWhichReturnsTheCaseNumberAndLeavesTheRelayRunning() {
        when(customers.find("acme")).thenReturn(Optional.of(new Customer(ACME.id(), ACME.displayName(), ACME.locale(), ACME.azure(),
                ACME.servicenow(), null, ACME.slack(), ACME.sla(), null, new Customer.Support(Customer.SupportPlan.UNIFIED,
                        new Customer.Contact("太郎", "山田", "taro.yamada@acme.example.jp", null, null, null, null, null, null), null, null))));
        when(supportTickets.checkName(any(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        SupportTickets.Ticket ticket = new SupportTickets.Ticket("opsflow-1", "2611240010000001", "t", SupportTickets.Severity.MODERATE,
                "Open", null, null, null, null, null, null);
        when(supportTickets.create(any(), any())).thenAnswer(a -> new ArmSubmission<>(a.<SupportTickets.NewTicket>getArgument(1).name(), null, ticket));
        when(supportTickets.get(any(), anyString())).thenReturn(ticket);
        ProcessInstance instance = startAlert(1);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        complete(task("UserTask_Triage", instance), withVariables("findings", "Azure 側の障害の疑い", "causeIdentified", false, "needsMicrosoft", true));
        ProcessInstance support = runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        assertThat(instance).variables().containsEntry("priority", "P2");
        executeJob(support, "ServiceTask_LoadSupportCatalog");
        assertThat(task("UserTask_PrepareSupportTicket", support))
                .hasName("Microsoft サポートリクエストを準備 · INC0010042 · ACME株式会社 · vm-acme-web01")
                .hasDueDate((Date) runtime.getVariable(instance.getId(), "identifyCauseDueAt"));
        assertThat(task("UserTask_PrepareSupportTicket", support).getPriority()).isEqualTo(80);
        assertThat(support).variables().containsEntry("supportSeverity", "moderate");
        complete(task("UserTask_PrepareSupportTicket", support), withVariables("supportServiceId", "/providers/Microsoft.Support/services/s",
                "supportProblemClassificationId", "/providers/Microsoft.Support/services/s/problemClassifications/p"));
        executeJob(support, "ServiceTask_CreateSupportTicket");
        executeJob(support, "IntermediateCatchEvent_SupportTicketPollDue");
        executeJob(support, "ServiceTask_CheckSupportTicketCreated");
        executeJob(support, "ServiceTask_AddSupportTicketWorkNote");
        executeJob(support, "ServiceTask_StartSupportRelay");
        assertThat(instance).isWaitingAt("UserTask_InvestigateCause").variables().containsEntry("microsoftCaseNumber", "2611240010000001");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").singleResult()).isNotNull();
    }

    /** An operator escalated the incident by hand before Triage said "needs Microsoft": no second ticket. */
    @Test
    void anIncidentEscalatedByHandAlreadyKeepsItsTicket() {
        ProcessInstance instance = startAlert(1);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        String sysId = (String) runtime.getVariable(instance.getId(), "serviceNowSysId");
        runtime.startProcessInstanceByKey("microsoft-support-relay", "opsflow-by-hand", Map.of("customerId", "acme",
                "serviceNowSysId", sysId, "microsoftCaseNumber", "2612010010000077", "relayPollInterval", "PT5M",
                "supportResponseDue", new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000)));
        complete(task("UserTask_Triage", instance), withVariables("findings", "Azure 側の障害の疑い", "causeIdentified", false, "needsMicrosoft", true));
        ProcessInstance support = runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        executeJob(support, "ServiceTask_LoadSupportCatalog");

        assertThat(support).isEnded().hasPassed("EndEvent_TicketAlreadyOpen");
        assertThat(instance).isWaitingAt("UserTask_InvestigateCause").variables().containsEntry("microsoftCaseNumber", "2612010010000077");
        verify(supportCatalog, never()).services(any(), any());
        verify(supportTickets, never()).create(any(), any());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").count()).isOne();
    }

    @Test
    void aP1SupportRequestRanksFirstAndAnEnglishCustomersIsNamedInEnglish() {
        ProcessInstance instance = startAlert("globex", 0);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        complete(task("UserTask_Triage", instance), withVariables("findings", "Azure outage?", "causeIdentified", false, "needsMicrosoft", true));
        ProcessInstance support = runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation")
                .superProcessInstanceId(instance.getId()).singleResult();
        executeJob(support, "ServiceTask_LoadSupportCatalog");
        assertThat(task("UserTask_PrepareSupportTicket", support))
                .hasName("Prepare Microsoft support request · INC0010042 · Globex Ltd · vm-acme-web01")
                .hasDueDate((Date) runtime.getVariable(instance.getId(), "identifyCauseDueAt"));
        assertThat(task("UserTask_PrepareSupportTicket", support).getPriority()).isEqualTo(100);
    }

    @Test
    void resolutionInServiceNowEndsTheWorkAndCommentsReachTheForms() {
        ProcessInstance instance = startAlert(2);
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");
        runtime.createMessageCorrelation("ServiceNowCommentAdded").processInstanceId(instance.getId())
                .setVariable("commentReceived", Variables.stringValue("お客様: 再起動して良いです", true)).correlate();
        assertThat(instance).variables().containsEntry("latestServiceNowComment", "お客様: 再起動して良いです");
        runtime.createMessageCorrelation("ServiceNowIncidentResolved").processInstanceId(instance.getId()).correlate();
        assertThat(instance).isEnded().hasPassed("EndEvent_ClosedInServiceNow").hasNotPassed("UserTask_Resolve");
    }

    @Test
    void anAlertOfACustomerNotLiveYetIsATestIncidentThatPagesNobody() {
        ProcessInstance instance = runtime.createProcessInstanceByKey("incident-coordination").businessKey(ALERT_ID)
                .setVariables(StartVariables.of(alert(0), false)).execute();
        assertThat(instance).variables().containsEntry("testAlert", true).containsEntry("priority", "P5")
                .containsEntry("impact", "3").containsEntry("urgency", "3");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");

        ArgumentCaptor<NewIncident> created = ArgumentCaptor.forClass(NewIncident.class);
        verify(servicenow).createIncident(created.capture());
        assertThat(created.getValue().shortDescription()).isEqualTo("【試験】[Azure Monitor] Sev0 acme-vm-cpu-high fired on vm-acme-web01");
        assertThat(created.getValue().impact()).isEqualTo("3");
        assertThat(created.getValue().urgency()).isEqualTo("3");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).startsWith("opsflow: 試験アラートのインシデントです").contains("誰も呼び出していません");

        assertThat(instance).isWaitingAt("UserTask_Resolve", "CallActivity_RunDiagnosticRunbook").hasNotPassed("UserTask_Triage");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).as("SLA timers").isZero();
        complete(task("UserTask_Resolve", instance), withVariables("resolution", "試験で着信を確認", "closeCode", "Solution provided"));
        executeJob(instance, "ServiceTask_ResolveServiceNowIncident");
        assertThat(instance).isEnded().hasNotPassed("UserTask_PostIncidentReview", "CallActivity_EscalateAcknowledgeSlaMiss",
                "CallActivity_EscalateIdentifyCauseSlaMiss");
        verify(slack, never()).notify(any(), any());
    }

    @Test
    void aPreOperationTestAlertOfALiveCustomerIsATestTooAndNamesItsItemInTheCustomersLanguage() {
        Alert synthetic = new Alert("azure-monitor", ALERT_ID, ALERT_ID + "/Fired", "globex", "acme-vm-cpu-high", VM, 1, Alert.State.FIRED,
                "[Azure Monitor] Sev1 acme-vm-cpu-high fired on vm-acme-web01", "Percentage CPU 97%", Instant.now(), "VM CPU", "run-7");
        ProcessInstance instance = runtime.createProcessInstanceByKey("incident-coordination").businessKey(ALERT_ID)
                .setVariables(StartVariables.of(synthetic, true)).execute();
        assertThat(instance).variables().containsEntry("testAlert", true).containsEntry("monitoringItem", "VM CPU");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");

        ArgumentCaptor<NewIncident> created = ArgumentCaptor.forClass(NewIncident.class);
        verify(servicenow).createIncident(created.capture());
        assertThat(created.getValue().shortDescription()).startsWith("[TEST] [Azure Monitor] Sev1");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).contains("Nobody was paged");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

        assertThat(instance).as("its arrival is all the test needs: no task for anyone").hasNotPassed("UserTask_Resolve", "UserTask_Triage");
        executeJob(instance, "ServiceTask_ResolveServiceNowIncident");
        ArgumentCaptor<IncidentUpdate> resolved = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), resolved.capture());
        assertThat(resolved.getValue().closeNotes()).contains("Pre-operation test alert");
        assertThat(instance).isEnded().hasNotPassed("UserTask_PostIncidentReview");
        verify(slack, never()).notify(any(), any());
    }

    @Test
    void aLiveCustomersAlertIsNoTestKeepsItsSeverityAndItsSlaTimers() {
        Alert real = new Alert("azure-monitor", ALERT_ID, ALERT_ID + "/Fired", "acme", "acme-vm-cpu-high", VM, 0, Alert.State.FIRED,
                "[Azure Monitor] Sev0 acme-vm-cpu-high fired on vm-acme-web01", "Percentage CPU 97%", Instant.now(), "VM CPU", null);
        ProcessInstance instance = runtime.createProcessInstanceByKey("incident-coordination").businessKey(ALERT_ID)
                .setVariables(StartVariables.of(real, true)).execute();
        assertThat(instance).variables().containsEntry("testAlert", false).containsEntry("priority", "P1")
                .containsEntry("monitoringItem", "VM CPU");
        executeJob(instance, "ServiceTask_CreateServiceNowIncident");

        ArgumentCaptor<NewIncident> created = ArgumentCaptor.forClass(NewIncident.class);
        verify(servicenow).createIncident(created.capture());
        assertThat(created.getValue().shortDescription()).isEqualTo("[Azure Monitor] Sev0 acme-vm-cpu-high fired on vm-acme-web01");
        verify(servicenow, never()).updateIncident(anyString(), any(IncidentUpdate.class), any(NoteKey.class));
        assertThat(instance).isWaitingAt("UserTask_Triage");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().activityId("BoundaryEvent_AcknowledgeSlaMissed")
                .count()).isOne();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().activityId("BoundaryEvent_IdentifyCauseSlaMissed")
                .count()).isOne();
    }

    private ProcessInstance startAlert(int severity) {
        return startAlert("acme", severity);
    }

    private ProcessInstance startAlert(String customerId, int severity) {
        return runtime.createProcessInstanceByKey("incident-coordination").businessKey(ALERT_ID)
                .setVariables(StartVariables.of(alert(customerId, severity), true)).execute();
    }

    static Alert alert(int severity) {
        return alert("acme", severity);
    }

    static Alert alert(String customerId, int severity) {
        return new Alert("azure-monitor", ALERT_ID, ALERT_ID + "/Fired", customerId, "acme-vm-cpu-high", VM, severity, Alert.State.FIRED,
                "[Azure Monitor] Sev" + severity + " acme-vm-cpu-high fired on vm-acme-web01", "Percentage CPU 97%", Instant.now());
    }

    /** Starts the diagnostic job and reads it once: runbook-job returns what {@code jobs.get} answers. */
    private void runDiagnosticJob(ProcessInstance instance) {
        executeJob(instance, "ServiceTask_StartRunbookJob");
        executeJob(instance, "IntermediateCatchEvent_RunbookJobPollDue");
        executeJob(instance, "ServiceTask_CheckRunbookJob");
    }

    /** The diagnostic note as the Triage form reads it. */
    private String diagnosticNote(ProcessInstance instance) {
        return (String) engine.getFormService().getTaskFormVariables(task("UserTask_Triage", instance).getId()).get("diagnosticNote");
    }

    /** The text of the one work note the incident got (diagnostics write exactly one). */
    private String theOneWorkNote() {
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow, times(1)).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        return note.getValue().workNotes();
    }

    /** Runs the job at the step, in the incident's instance or in the runbook-job its diagnostics call. */
    private void executeJob(ProcessInstance instance, String activityId) {
        ProcessInstance called = diagnostics(instance);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (job == null && called != null) {
            job = management.createJobQuery().processInstanceId(called.getId()).activityId(activityId).singleResult();
        }
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private ProcessInstance diagnostics(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).processDefinitionKey("runbook-job")
                .singleResult();
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Incident incident(String sysId, String number) {
        return new Incident(sysId, number, "1", "2", "2", "3", null, null, null, null, null, null, null, null, null, null, null, null, null,
                "true", null, null, null, "0");
    }

    private static AutomationJob job(AutomationJobStatus status) {
        return new AutomationJob("job", "id", "Get-OpsflowVmDiagnostics", status, null, null, null, null, null, null, Map.of());
    }
}
