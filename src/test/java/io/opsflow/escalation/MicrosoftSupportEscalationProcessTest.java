package io.opsflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCatalog;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportCommunications.Communication;
import io.opsflow.azure.SupportOperationFailedException;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.slack.SlackMessage;
import io.opsflow.slack.SlackNotifier;

/** microsoft-support-escalation and microsoft-support-relay on a bare engine: real delegates around mocked Azure, ServiceNow and Slack. */
@Deployment(resources = {
        "processes/escalation/microsoft-support-escalation.bpmn", "processes/escalation/microsoft-support-relay.bpmn",
        "processes/escalation/microsoft-support-message.bpmn", "processes/escalation/escalation-severity.dmn", "processes/escalation/support-ticket-preparation.form",
        "processes/escalation/support-ticket-failed.form", "processes/escalation/support-ticket-notice.form",
        "processes/escalation/support-ticket-closing.form", "processes/escalation/support-escalation-request.form",
        "processes/escalation/support-ticket-actions.form"})
class MicrosoftSupportEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String SUB = "00000000-1111-2222-3333-444444444444";
    static final String VM = "/subscriptions/" + SUB + "/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01";
    static final Customer.Contact CONTACT = new Customer.Contact("太郎", "山田", "taro.yamada@acme.example.jp", List.of(), null,
            null, null, null, null);
    static final Customer ACME = new Customer("acme", "ACME株式会社", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB), null, new Customer.Credential("managed-identity", null, null)),
            new Customer.ServiceNow("8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f", "MSP Operations"), null, new Customer.Slack("ACME_SLACK"), Map.of(), null,
            new Customer.Support(Customer.SupportPlan.PROFESSIONAL_DIRECT, CONTACT, null, null));
    /** Microsoft's messages reach the customer's own view of the incident. */
    static final Customer GLOBEX = new Customer("globex", "Globex Ltd", "en", ACME.azure(), ACME.servicenow(), null, null, Map.of(), null,
            new Customer.Support(Customer.SupportPlan.UNIFIED, CONTACT, Customer.SupportRelay.COMMENT, null));
    static final String SERVICE_ID = "/providers/Microsoft.Support/services/6f16735c-b0ae-b275-ad3a-03479cfa1396";
    static final String CLASSIFICATION_ID = SERVICE_ID + "/problemClassifications/e1c2f4a8-7f7e-4b4f-9c1a-1f9e2c5d1e01";
    static final String STATUS_URL = "https://management.azure.com/providers/Microsoft.Support/operationsStatus/op-1?api-version=2024-04-01";
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final SupportCatalog catalog = mock(SupportCatalog.class);
    final SupportTickets tickets = mock(SupportTickets.class);
    final SupportCommunications communications = mock(SupportCommunications.class);
    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final SlackNotifier slack = mock(SlackNotifier.class);

    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        ClockUtil.setCurrentTime(Date.from(T0));
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        when(catalog.services(any(), any())).thenReturn(List.of(
                new SupportCatalog.Service("/providers/Microsoft.Support/services/other", "other", "課金", List.of()),
                new SupportCatalog.Service(SERVICE_ID, "6f16735c-b0ae-b275-ad3a-03479cfa1396", "仮想マシン (Windows)",
                        List.of("Microsoft.Compute/virtualMachines"))));
        when(catalog.problemClassifications(any(), eq("6f16735c-b0ae-b275-ad3a-03479cfa1396"), any())).thenReturn(List.of(
                new SupportCatalog.ProblemClassification(CLASSIFICATION_ID, "e1c2f4a8", "VM に接続できない")));
        when(tickets.checkName(any(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(tickets.create(any(), any())).thenAnswer(a -> new ArmSubmission<>(a.<SupportTickets.NewTicket>getArgument(1).name(), STATUS_URL, null));
        EscalationMocks.register(customers, catalog, tickets, communications, servicenow, slack);
        // The incident's own labelling listener is covered by the incident tests; here the task just has to exist.
        Mocks.register("describeIncidentTaskListener", (TaskListener) task -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theOperatorConfirmsAProposalFromTheLiveCatalogAndTheTicketIsOpenedOnceAndNoted() {
        ProcessInstance escalation = start("acme", "P1");
        run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").task().hasCandidateGroup("operators");
        assertThat(escalation).variables()
                .containsEntry("supportSeverity", "critical")
                .containsEntry("supportServiceId", SERVICE_ID)
                .containsEntry("supportPlan", "professional-direct")
                .containsEntry("supportContactName", "山田 太郎")
                .containsEntry("support24x7", true)
                .containsEntry("supportTitle", "[INC0010042] VM が応答しない");
        assertThat(runtime.getVariable(escalation.getId(), "supportDescription").toString())
                .contains("VM が応答しない", VM, "診断: ディスク 100%");
        assertThat(runtime.getVariableTyped(escalation.getId(), "supportServices").getValue().toString())
                .contains("仮想マシン (Windows)", SERVICE_ID);
        assertThat(runtime.getVariableTyped(escalation.getId(), "supportProblemClassifications").getValue().toString())
                .contains("VM に接続できない", CLASSIFICATION_ID);

        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID, "supportSeverity", "moderate"));
        run(escalation, "ServiceTask_CreateSupportTicket");
        ArgumentCaptor<SupportTickets.NewTicket> asked = ArgumentCaptor.forClass(SupportTickets.NewTicket.class);
        ArgumentCaptor<SupportAccess> access = ArgumentCaptor.forClass(SupportAccess.class);
        verify(tickets).create(access.capture(), asked.capture());
        SupportTickets.NewTicket ticket = asked.getValue();
        assertThat(ticket.name()).isEqualTo(CreateSupportTicketDelegate.ticketName(escalation.getId(), 1)).matches("[a-z0-9-]+");
        assertThat(ticket.serviceId()).isEqualTo(SERVICE_ID);
        assertThat(ticket.problemClassificationId()).isEqualTo(CLASSIFICATION_ID);
        assertThat(ticket.severity()).isEqualTo(SupportTickets.Severity.MODERATE);
        assertThat(ticket.title()).isEqualTo("[INC0010042] VM が応答しない");
        assertThat(ticket.resourceId()).isEqualTo(VM);
        assertThat(ticket.contact().primaryEmailAddress()).isEqualTo("taro.yamada@acme.example.jp");
        assertThat(ticket.contact().preferredTimeZone()).isEqualTo("Tokyo Standard Time");
        assertThat(access.getValue().subscriptionId()).isEqualTo(SUB);

        assertThat(escalation).isWaitingAt("IntermediateCatchEvent_SupportTicketPollDue");
        when(tickets.created(any(), any())).thenReturn(Optional.empty());
        poll(escalation);
        assertThat(escalation).isWaitingAt("IntermediateCatchEvent_SupportTicketPollDue").variables().containsEntry("supportPollInterval", "PT1M");
        verify(servicenow, never()).updateIncident(anyString(), any(), any());

        when(tickets.created(any(), any())).thenReturn(Optional.of(ticket(ticket.name(), "Open", SupportTickets.Severity.MODERATE)));
        poll(escalation);
        run(escalation, "ServiceTask_AddSupportTicketWorkNote");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).contains("2612010010000001", "moderate", "2026-12-01 14:00 JST", "Microsoft サポートリクエスト");
        assertThat(note.getValue().customFields()).containsEntry("u_microsoft_case", "2612010010000001");
        run(escalation, "ServiceTask_StartSupportRelay");

        assertThat(escalation).isEnded().hasPassed("EndEvent_SupportTicketOpened").variables()
                .containsEntry("microsoftCaseNumber", "2612010010000001");
        ProcessInstance relay = relay(ticket.name());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue").variables()
                .containsEntry("serviceNowSysId", "5f2e8c1a47d0b210a3c9e6f15d8b7a42").containsEntry("microsoftCaseNumber", "2612010010000001");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(relay.getId()).singleResult().getTenantId())
                .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(escalation.getId())
                        .singleResult().getTenantId())
                .isEqualTo("acme");
    }

    @Test
    void threeMessagesFromMicrosoftAreRelayedOnceEachAcrossARestartUntilMicrosoftClosesTheTicket() {
        ProcessInstance relay = openedTicket("acme");
        Communication first = inbound("c1", "ご連絡ありがとうございます。ログを確認します。", T0.plusSeconds(600));
        Communication ours = new Communication("o1", "RE: VM", "ログを添付します", "taro.yamada@acme.example.jp",
                SupportCommunications.Channel.WEB, SupportCommunications.Direction.OUTBOUND, odt(T0.plusSeconds(900)));
        Communication second = inbound("c2", "<p>ホストの障害を確認しました。</p><p>移行済みです。</p>", T0.plusSeconds(1200));
        Communication third = inbound("c3", "再発防止策をご案内します。", T0.plusSeconds(3000));
        when(tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.MODERATE));

        when(communications.since(any(), anyString(), any())).thenReturn(List.of(first));
        poll(relay);
        // The bound is inclusive: the first message comes back with the next ones.
        when(communications.since(any(), anyString(), any())).thenReturn(List.of(first, ours, second));
        poll(relay);
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue").variables()
                .containsEntry("relayPollInterval", "PT30M").containsEntry("microsoftResponded", true);
        verify(communications).since(any(), eq(relay.getBusinessKey()), eq(odt(T0.plusSeconds(600))));

        // A node that never saw this instance continues from the engine's database.
        ProcessEngine other = otherNode();
        try {
            when(communications.since(any(), anyString(), any())).thenReturn(List.of(second, third));
            when(tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Closed", SupportTickets.Severity.MODERATE));
            Job job = other.getManagementService().createJobQuery().processInstanceId(relay.getId())
                    .activityId("IntermediateCatchEvent_RelayPollDue").singleResult();
            other.getManagementService().executeJob(job.getId());
            job = other.getManagementService().createJobQuery().processInstanceId(relay.getId()).activityId("ServiceTask_RelayMicrosoftCommunications").singleResult();
            other.getManagementService().executeJob(job.getId());
        } finally {
            other.close();
        }

        List<IncidentUpdate> notes = notes();
        assertThat(notes).filteredOn(n -> n.workNotes().contains("ログを確認します")).hasSize(1);
        assertThat(notes).filteredOn(n -> n.workNotes().contains("ホストの障害を確認しました。\n移行済みです。")).hasSize(1);
        assertThat(notes).filteredOn(n -> n.workNotes().contains("再発防止策をご案内します。")).hasSize(1);
        assertThat(notes).noneMatch(n -> n.workNotes().contains("ログを添付します"));
        assertThat(notes).filteredOn(n -> n.workNotes().contains("クローズされました")).hasSize(1);
        assertThat(notes).hasSize(4);
        assertThat(relay).isWaitingAt("UserTask_AcknowledgeSupportTicketClosed");
        assertThat(task("UserTask_AcknowledgeSupportTicketClosed", relay)).hasCandidateGroup("operators");
        complete(task("UserTask_AcknowledgeSupportTicketClosed", relay));
        assertThat(relay).isEnded().hasPassed("EndEvent_RelayEnded");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(relay.getId()).count())
                .as("the standing task ends with the ticket").isZero();
    }

    @Test
    void aCustomerConfiguredSoReadsMicrosoftsMessagesAsCommentsAndChangesOfSeverityAreNoted() {
        ProcessInstance relay = openedTicket("globex");
        when(tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.CRITICAL));
        when(communications.since(any(), anyString(), any())).thenReturn(List.of(inbound("c1", "調査を開始しました", T0.plusSeconds(60))));
        poll(relay);
        List<IncidentUpdate> updates = updates();
        assertThat(updates).filteredOn(u -> u.comments() != null).singleElement()
                .satisfies(u -> assertThat(u.comments()).contains("調査を開始しました", "Message from Microsoft support"));
        assertThat(updates).filteredOn(u -> u.workNotes() != null).singleElement()
                .satisfies(u -> assertThat(u.workNotes()).contains("severity critical"));
    }

    @Test
    void aCreationMicrosoftFailsIsShownWithItsReasonAndNeverReportedAsSent() {
        ProcessInstance escalation = prepared("acme");
        SupportOperationFailedException failed = mock(SupportOperationFailedException.class);
        when(failed.reason()).thenReturn("このサブスクリプションにはサポート プランがありません。");
        when(tickets.created(any(), any())).thenThrow(failed);
        poll(escalation);

        assertThat(escalation).isWaitingAt("UserTask_ReviewFailedSupportTicket").variables()
                .containsEntry("supportFailureReason", "このサブスクリプションにはサポート プランがありません。")
                .doesNotContainKey("microsoftCaseNumber");
        verify(servicenow, never()).updateIncident(anyString(), any(), any());
        complete(task(escalation), withVariables("supportRetry", "retry"));
        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket");
        complete(task(escalation));
        run(escalation, "ServiceTask_CreateSupportTicket");
        ArgumentCaptor<SupportTickets.NewTicket> asked = ArgumentCaptor.forClass(SupportTickets.NewTicket.class);
        verify(tickets, org.mockito.Mockito.times(2)).create(any(), asked.capture());
        assertThat(asked.getAllValues().get(1).name()).isEqualTo(CreateSupportTicketDelegate.ticketName(escalation.getId(), 2));

        poll(escalation);
        complete(task(escalation), withVariables("supportRetry", "giveUp"));
        assertThat(escalation).isEnded().hasPassed("EndEvent_SupportTicketNotOpened");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").count()).isZero();
        verify(servicenow, never()).updateIncident(anyString(), any(), any());
    }

    @Test
    void aCustomerWithoutASupportContactFailsTheCreationAtOnceAndOpensNothing() {
        when(customers.find("acme")).thenReturn(Optional.of(new Customer("acme", ACME.displayName(), "ja", ACME.azure(), ACME.servicenow(),
                null, null, Map.of(), null, null)));
        ProcessInstance escalation = start("acme", "P2");
        run(escalation, "ServiceTask_LoadSupportCatalog");
        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID));

        Job create = management.createJobQuery().processInstanceId(escalation.getId()).activityId("ServiceTask_CreateSupportTicket")
                .singleResult();
        assertThatThrownBy(() -> management.executeJob(create.getId())).hasMessageContaining("support.contact");
        assertThat(management.createJobQuery().jobId(create.getId()).singleResult().getRetries()).as("no retries left: an incident now")
                .isZero();
        verify(tickets, never()).create(any(), any());
    }

    @Test
    void aThrottledPollWaitsWhatArmAskedFor() {
        ProcessInstance escalation = prepared("acme");
        when(tickets.created(any(), any())).thenThrow(new ArmThrottledException("TooManyRequests", "throttled", "r-1", Duration.ofSeconds(170)));
        poll(escalation);
        Job timer = management.createJobQuery().processInstanceId(escalation.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(T0.plusSeconds(170)));

        ProcessInstance relay = openedTicket("acme");
        when(communications.since(any(), anyString(), any()))
                .thenThrow(new ArmThrottledException("TooManyRequests", "throttled", "r-2", Duration.ofMinutes(7)));
        poll(relay);
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");
        Job relayTimer = management.createJobQuery().processInstanceId(relay.getId()).activityId("IntermediateCatchEvent_RelayPollDue").singleResult();
        assertThat(relayTimer.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(7))));
    }

    @Test
    void microsoftSilentPastItsDeadlineRaisesAManagersTaskAndASlackMessage() {
        ProcessInstance relay = openedTicket("acme");
        Job deadline = management.createJobQuery().processInstanceId(relay.getId()).activityId("StartEvent_ResponseDeadlinePassed").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(4)).plusSeconds(1)));
        management.executeJob(deadline.getId());
        run(relay, "ServiceTask_NotifyResponseDeadlineMissed");

        ArgumentCaptor<SlackMessage> message = ArgumentCaptor.forClass(SlackMessage.class);
        verify(slack).notify(eq(ACME), message.capture());
        assertThat(message.getValue().text()).contains("2612010010000001", "INC0010042", "応答期限");
        assertThat(task("UserTask_ReviewMissedResponseDeadline", relay)).hasCandidateGroup("managers");
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue", "UserTask_ReviewMissedResponseDeadline");
    }

    @Test
    void anAnswerBeforeTheDeadlineRaisesNothing() {
        ProcessInstance relay = openedTicket("acme");
        when(tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.MODERATE));
        when(communications.since(any(), anyString(), any())).thenReturn(List.of(inbound("c1", "確認中です", T0.plusSeconds(60))));
        poll(relay);
        Job deadline = management.createJobQuery().processInstanceId(relay.getId()).activityId("StartEvent_ResponseDeadlinePassed").singleResult();
        management.executeJob(deadline.getId());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(relay.getId()).singleResult()).isNotNull();
        verify(slack, never()).notify(any(), any());
    }

    @Test
    void anOperatorsCommentMarkedForMicrosoftIsSentOnceAndNoted() {
        ProcessInstance relay = openedTicket("acme");
        SupportMessages messages = new SupportMessages(runtime, engine.getHistoryService());
        when(communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(communications.add(any(), anyString(), anyString(), anyString(), anyString(), anyString()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
        when(servicenow.findUserEmail("hanako.sato")).thenReturn(Optional.of("op@msp.example.jp"));
        SupportMessages.Sender hanako = SupportMessages.Sender.serviceNowUser("hanako.sato");
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "ただのコメント", hanako)).isEmpty();
        String sending = messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako).orElseThrow();
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako)).isEmpty();
        ProcessInstance message = runtime.createProcessInstanceQuery().processInstanceId(sending).singleResult();

        run(message, "ServiceTask_SendMessageToMicrosoft");
        verify(communications).add(any(), eq(relay.getBusinessKey()), eq(message.getBusinessKey()), eq("[INC0010042] VM が応答しない"),
                eq("再起動後も同じエラーです。"), eq("op@msp.example.jp"));
        when(communications.added(any(), anyString(), any())).thenReturn(Optional.empty());
        run(message, "IntermediateCatchEvent_MessagePollDue");
        run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(notes()).isEmpty();
        when(communications.added(any(), anyString(), any())).thenReturn(Optional.of(new Communication(message.getBusinessKey(), "s",
                "再起動後も同じエラーです。", "op@msp.example.jp", SupportCommunications.Channel.WEB, SupportCommunications.Direction.OUTBOUND, odt(T0))));
        run(message, "IntermediateCatchEvent_MessagePollDue");
        run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(message).isEnded().hasPassed("EndEvent_MessageSent");
        assertThat(notes()).singleElement().satisfies(n -> assertThat(n.workNotes()).contains("送信しました", "再起動後も同じエラーです。"));
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako))
                .as("redelivered after it was sent").isEmpty();
    }

    @Test
    void aMessageMicrosoftFailsGoesToTheOperatorWithItsReasonAndIsNotNotedAsSent() {
        openedTicket("acme");
        when(communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(communications.add(any(), anyString(), anyString(), anyString(), anyString(), any()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
        SupportOperationFailedException failed = mock(SupportOperationFailedException.class);
        when(failed.reason()).thenReturn("チケットはクローズされています");
        when(communications.added(any(), anyString(), any())).thenThrow(failed);
        String sending = new SupportMessages(runtime, engine.getHistoryService()).forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-2", "[MS] 追加情報です",
                SupportMessages.Sender.serviceNowUser("no.such.user")).orElseThrow();
        ProcessInstance message = runtime.createProcessInstanceQuery().processInstanceId(sending).singleResult();
        run(message, "ServiceTask_SendMessageToMicrosoft");
        verify(servicenow).findUserEmail("no.such.user");
        verify(communications).add(any(), anyString(), anyString(), anyString(), eq("追加情報です"), eq("taro.yamada@acme.example.jp"));
        run(message, "IntermediateCatchEvent_MessagePollDue");
        run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(message).isWaitingAt("UserTask_ReviewFailedMessageToMicrosoft").variables()
                .containsEntry("supportFailureReason", "チケットはクローズされています");
        assertThat(notes()).isEmpty();
    }

    @Test
    void theIncidentResolvedTheOperatorClosesTheTicketWithAFinalMessageFollowedToItsEndAndTheRelayEnds() {
        ProcessInstance relay = openedTicket("acme");
        SupportMessages messages = new SupportMessages(runtime, engine.getHistoryService());
        assertThat(messages.incidentResolved("no-such-incident")).isFalse();
        assertThat(messages.incidentResolved("5f2e8c1a47d0b210a3c9e6f15d8b7a42")).isTrue();
        assertThat(task("UserTask_DecideSupportTicketClosing", relay)).hasCandidateGroup("operators");
        complete(task("UserTask_DecideSupportTicketClosing", relay), withVariables("supportCloseTicket", "keep"));
        verify(tickets, never()).close(any(), anyString());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");

        messages.incidentResolved("5f2e8c1a47d0b210a3c9e6f15d8b7a42");
        acceptingMessages();
        complete(task("UserTask_DecideSupportTicketClosing", relay),
                withVariables("supportCloseTicket", "close", "microsoftMessageBody", "解決しました。ご協力ありがとうございました。"));
        ProcessInstance closing = sentBy(relay);
        run(closing, "ServiceTask_SendMessageToMicrosoft");
        verify(communications).add(any(), eq(relay.getBusinessKey()), eq(closing.getBusinessKey()), anyString(),
                eq("解決しました。ご協力ありがとうございました。"), eq("taro.yamada@acme.example.jp"));
        when(communications.added(any(), anyString(), any())).thenReturn(Optional.empty());
        pollMessage(closing);
        verify(tickets, never()).close(any(), anyString());
        when(communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(closing.getBusinessKey())));
        pollMessage(closing);
        assertThat(closing).isEnded().hasPassed("EndEvent_MessageSent");
        run(relay, "ServiceTask_CloseSupportTicket");
        verify(tickets).close(any(), eq(relay.getBusinessKey()));

        when(tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Closed", SupportTickets.Severity.MODERATE));
        when(communications.since(any(), anyString(), any())).thenReturn(List.of());
        poll(relay);
        complete(task("UserTask_AcknowledgeSupportTicketClosed", relay));
        assertThat(relay).isEnded();
    }

    @Test
    void anOperatorWritesToMicrosoftFromTasklistAsThemselvesAndTheTaskComesBackEmpty() {
        var operator = engine.getIdentityService().newUser("op.tanaka");
        operator.setEmail("tanaka@msp.example.jp");
        engine.getIdentityService().saveUser(operator);
        try {
            ProcessInstance relay = openedTicket("acme");
            acceptingMessages();
            org.camunda.bpm.engine.task.Task handle = task("UserTask_HandleSupportTicket", relay);
            assertThat(handle).hasCandidateGroup("operators");
            engine.getIdentityService().setAuthentication("op.tanaka", List.of("operators"), List.of("acme"));
            try {
                engine.getTaskService().complete(handle.getId(), Map.of("supportAction", "message", "microsoftMessageBody", "再起動の前後のログを添付します。"));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            ProcessInstance sending = sentBy(relay);
            run(sending, "ServiceTask_SendMessageToMicrosoft");
            verify(communications).add(any(), eq(relay.getBusinessKey()), eq(sending.getBusinessKey()), eq("[INC0010042] VM が応答しない"),
                    eq("再起動の前後のログを添付します。"), eq("tanaka@msp.example.jp"));
            when(communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(sending.getBusinessKey())));
            pollMessage(sending);
            assertThat(sending).isEnded().hasPassed("EndEvent_MessageSent");
            assertThat(notes()).singleElement().satisfies(n -> assertThat(n.workNotes()).contains("再起動の前後のログを添付します。"));

            assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket", "IntermediateCatchEvent_RelayPollDue");
            assertThat(runtime.getVariable(relay.getId(), "microsoftMessageBody")).as("the form opens empty").isNull();
            complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "message", "microsoftMessageBody", "  "));
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-message").count())
                    .as("nothing written, nothing sent").isZero();
            assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket");
        } finally {
            engine.getIdentityService().deleteUser("op.tanaka");
        }
    }

    @Test
    void anOperatorChangesTheSeverityAndARefusalComesBackWithMicrosoftsReason() {
        ProcessInstance relay = openedTicket("acme");
        complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "severity", "supportNewSeverity", "critical"));
        run(relay, "ServiceTask_ChangeSupportSeverity");
        verify(tickets).changeSeverity(any(), eq(relay.getBusinessKey()), eq(SupportTickets.Severity.CRITICAL));
        assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket").variables().containsEntry("supportFailureReason", null);

        when(tickets.changeSeverity(any(), anyString(), eq(SupportTickets.Severity.HIGHEST_CRITICAL_IMPACT))).thenThrow(
                new io.opsflow.azure.ArmException(400, "InvalidSeverity", "Severity 'highestcriticalimpact' requires a Unified support plan", "r-9"));
        complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "severity", "supportNewSeverity", "highestcriticalimpact"));
        run(relay, "ServiceTask_ChangeSupportSeverity");
        assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket");
        assertThat((String) runtime.getVariable(relay.getId(), "supportFailureReason")).contains("Unified");
        assertThat(management.createJobQuery().processInstanceId(relay.getId()).withException().count()).as("no incident").isZero();
    }

    @Test
    void theSeverityTableFollowsMicrosoftsPlanRules() {
        record Case(String priority, String plan, String severity) { }
        for (Case c : List.of(new Case("P1", "unified", "highestcriticalimpact"), new Case("P1", "professional-direct", "critical"),
                new Case("P1", "standard", "critical"), new Case("P1", "developer", "minimal"), new Case("P1", "basic", "minimal"),
                new Case("P2", "unified", "moderate"), new Case("P3", "standard", "moderate"), new Case("P4", "unified", "minimal"))) {
            Object result = engine.getDecisionService().evaluateDecisionTableByKey("escalation-severity",
                    Map.of("priority", c.priority(), "supportPlan", c.plan())).getSingleResult().getSingleEntry();
            assertThat(result).as(c.toString()).isEqualTo(c.severity());
        }
    }

    private ProcessInstance start(String customer, String priority) {
        return runtime.startProcessInstanceByKey("microsoft-support-escalation", "INC0010042", Map.of(
                "customerId", customer, "priority", priority, "summary", "VM が応答しない",
                "description", "Heartbeat が 5 分間途絶", "targetResource", VM, "targetResourceType", "microsoft.compute/virtualmachines",
                "serviceNowSysId", "5f2e8c1a47d0b210a3c9e6f15d8b7a42", "serviceNowNumber", "INC0010042",
                "diagnosticNote", "診断: ディスク 100%"));
    }

    /** Confirmed and submitted: waiting for the first poll. */
    private ProcessInstance prepared(String customer) {
        ProcessInstance escalation = start(customer, "P2");
        run(escalation, "ServiceTask_LoadSupportCatalog");
        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID));
        run(escalation, "ServiceTask_CreateSupportTicket");
        return escalation;
    }

    /** Created, noted, relay started: the relay waiting for its first poll. */
    private ProcessInstance openedTicket(String customer) {
        ProcessInstance escalation = prepared(customer);
        String name = (String) runtime.getVariable(escalation.getId(), "supportTicketName");
        org.mockito.Mockito.doReturn(Optional.of(ticket(name, "Open", SupportTickets.Severity.MODERATE))).when(tickets).created(any(), any());
        poll(escalation);
        run(escalation, "ServiceTask_AddSupportTicketWorkNote");
        run(escalation, "ServiceTask_StartSupportRelay");
        org.mockito.Mockito.clearInvocations(servicenow);
        return relay(name);
    }

    private void acceptingMessages() {
        when(communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(communications.add(any(), anyString(), anyString(), anyString(), anyString(), any()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
    }

    /** The message instance the relay called. */
    private ProcessInstance sentBy(ProcessInstance relay) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(relay.getId()).singleResult();
    }

    private void pollMessage(ProcessInstance message) {
        run(message, "IntermediateCatchEvent_MessagePollDue");
        run(message, "ServiceTask_CheckMessageToMicrosoft");
    }

    private static Communication outbound(String name) {
        return new Communication(name, "s", "-", "op@msp.example.jp", SupportCommunications.Channel.WEB,
                SupportCommunications.Direction.OUTBOUND, odt(T0));
    }

    private ProcessInstance relay(String ticketName) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").processInstanceBusinessKey(ticketName).singleResult();
    }

    /** The poll timer fires and the check behind it runs. */
    private void poll(ProcessInstance instance) {
        boolean relay = "microsoft-support-relay".equals(runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId().split(":")[0]);
        run(instance, relay ? "IntermediateCatchEvent_RelayPollDue" : "IntermediateCatchEvent_SupportTicketPollDue");
        run(instance, relay ? "ServiceTask_RelayMicrosoftCommunications" : "ServiceTask_CheckSupportTicketCreated");
    }

    private void run(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private List<IncidentUpdate> updates() {
        ArgumentCaptor<IncidentUpdate> update = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow, org.mockito.Mockito.atLeast(0)).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), update.capture(), any(NoteKey.class));
        return update.getAllValues();
    }

    private List<IncidentUpdate> notes() {
        return updates().stream().filter(u -> u.workNotes() != null).toList();
    }

    private static SupportTickets.Ticket ticket(String name, String status, SupportTickets.Severity severity) {
        return new SupportTickets.Ticket(name, "2612010010000001", "[INC0010042] VM が応答しない", severity, status, "仮想マシン (Windows)",
                "VM に接続できない", odt(T0.plus(Duration.ofHours(4))), null, odt(T0), odt(T0.plusSeconds(status.length())));
    }

    private static Communication inbound(String name, String body, Instant created) {
        return new Communication(name, "RE: [INC0010042] VM が応答しない", body, "support@microsoft.com",
                SupportCommunications.Channel.WEB, SupportCommunications.Direction.INBOUND, odt(created));
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A second engine on the same database, as another node or the restarted application would be. */
    private static ProcessEngine otherNode() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=1000")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("other-node");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        return configuration.buildProcessEngine();
    }
}
