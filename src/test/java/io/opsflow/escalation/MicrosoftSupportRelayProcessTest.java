package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationScenario.ACME;
import static io.opsflow.escalation.EscalationScenario.STATUS_URL;
import static io.opsflow.escalation.EscalationScenario.T0;
import static io.opsflow.escalation.EscalationScenario.inbound;
import static io.opsflow.escalation.EscalationScenario.odt;
import static io.opsflow.escalation.EscalationScenario.otherNode;
import static io.opsflow.escalation.EscalationScenario.outbound;
import static io.opsflow.escalation.EscalationScenario.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
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

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportCommunications.Communication;
import io.opsflow.azure.SupportOperationFailedException;
import io.opsflow.azure.SupportTickets;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.slack.SlackMessage;

/**
 * microsoft-support-relay and microsoft-support-message on a bare engine, from an opened ticket to its closing:
 * real delegates around mocked Azure, ServiceNow and Slack.
 */
@Deployment(resources = {
        "processes/escalation/microsoft-support-escalation.bpmn", "processes/escalation/microsoft-support-relay.bpmn",
        "processes/escalation/microsoft-support-message.bpmn", "processes/escalation/escalation-severity.dmn", "processes/escalation/support-ticket-preparation.form",
        "processes/escalation/support-ticket-failed.form", "processes/escalation/support-ticket-notice.form",
        "processes/escalation/support-ticket-closing.form", "processes/escalation/support-escalation-request.form",
        "processes/escalation/support-ticket-actions.form"})
class MicrosoftSupportRelayProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    @RegisterExtension
    final EscalationScenario scenario = new EscalationScenario(engine);

    @Test
    void threeMessagesFromMicrosoftAreRelayedOnceEachAcrossARestartUntilMicrosoftClosesTheTicket() {
        ProcessInstance relay = scenario.openedTicket("acme");
        Communication first = inbound("c1", "ご連絡ありがとうございます。ログを確認します。", T0.plusSeconds(600));
        Communication ours = new Communication("o1", "RE: VM", "ログを添付します", "taro.yamada@acme.example.jp",
                SupportCommunications.Channel.WEB, SupportCommunications.Direction.OUTBOUND, odt(T0.plusSeconds(900)));
        Communication second = inbound("c2", "<p>ホストの障害を確認しました。</p><p>移行済みです。</p>", T0.plusSeconds(1200));
        Communication third = inbound("c3", "再発防止策をご案内します。", T0.plusSeconds(3000));
        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.MODERATE));

        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(first));
        scenario.poll(relay);
        // The bound is inclusive: the first message comes back with the next ones.
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(first, ours, second));
        scenario.poll(relay);
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue").variables()
                .containsEntry("relayPollInterval", "PT30M").containsEntry("microsoftResponded", true);
        verify(scenario.communications).since(any(), eq(relay.getBusinessKey()), eq(odt(T0.plusSeconds(600))));

        // A node that never saw this instance continues from the engine's database.
        ProcessEngine other = otherNode();
        try {
            when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(second, third));
            when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Closed", SupportTickets.Severity.MODERATE));
            Job job = other.getManagementService().createJobQuery().processInstanceId(relay.getId())
                    .activityId("IntermediateCatchEvent_RelayPollDue").singleResult();
            other.getManagementService().executeJob(job.getId());
            job = other.getManagementService().createJobQuery().processInstanceId(relay.getId()).activityId("ServiceTask_RelayMicrosoftCommunications").singleResult();
            other.getManagementService().executeJob(job.getId());
        } finally {
            other.close();
        }

        List<IncidentUpdate> notes = scenario.notes();
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
        ProcessInstance relay = scenario.openedTicket("globex");
        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.CRITICAL));
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(inbound("c1", "調査を開始しました", T0.plusSeconds(60))));
        scenario.poll(relay);
        List<IncidentUpdate> updates = scenario.updates();
        assertThat(updates).filteredOn(u -> u.comments() != null).singleElement()
                .satisfies(u -> assertThat(u.comments()).contains("調査を開始しました", "Message from Microsoft support"));
        assertThat(updates).filteredOn(u -> u.workNotes() != null).singleElement()
                .satisfies(u -> assertThat(u.workNotes()).contains("severity critical"));
    }

    @Test
    void microsoftSilentPastItsDeadlineRaisesAManagersTaskAndASlackMessage() {
        ProcessInstance relay = scenario.openedTicket("acme");
        Job deadline = scenario.management().createJobQuery().processInstanceId(relay.getId()).activityId("StartEvent_ResponseDeadlinePassed").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(4)).plusSeconds(1)));
        scenario.management().executeJob(deadline.getId());
        scenario.run(relay, "ServiceTask_NotifyResponseDeadlineMissed");

        ArgumentCaptor<SlackMessage> message = ArgumentCaptor.forClass(SlackMessage.class);
        verify(scenario.slack).notify(eq(ACME), message.capture());
        assertThat(message.getValue().text()).contains("2612010010000001", "INC0010042", "応答期限");
        assertThat(task("UserTask_ReviewMissedResponseDeadline", relay)).hasCandidateGroup("managers");
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue", "UserTask_ReviewMissedResponseDeadline");
    }

    @Test
    void anAnswerBeforeTheDeadlineRaisesNothing() {
        ProcessInstance relay = scenario.openedTicket("acme");
        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Open", SupportTickets.Severity.MODERATE));
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(inbound("c1", "確認中です", T0.plusSeconds(60))));
        scenario.poll(relay);
        Job deadline = scenario.management().createJobQuery().processInstanceId(relay.getId()).activityId("StartEvent_ResponseDeadlinePassed").singleResult();
        scenario.management().executeJob(deadline.getId());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");
        assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceId(relay.getId()).singleResult()).isNotNull();
        verify(scenario.slack, never()).notify(any(), any());
    }

    @Test
    void anOperatorsCommentMarkedForMicrosoftIsSentOnceAndNoted() {
        ProcessInstance relay = scenario.openedTicket("acme");
        SupportMessages messages = new SupportMessages(scenario.runtime(), engine.getHistoryService());
        when(scenario.communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(scenario.communications.add(any(), anyString(), anyString(), anyString(), anyString(), anyString()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
        when(scenario.servicenow.findUserEmail("hanako.sato")).thenReturn(Optional.of("op@msp.example.jp"));
        SupportMessages.Sender hanako = SupportMessages.Sender.serviceNowUser("hanako.sato");
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "ただのコメント", hanako)).isEmpty();
        String sending = messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako).orElseThrow();
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako)).isEmpty();
        ProcessInstance message = scenario.runtime().createProcessInstanceQuery().processInstanceId(sending).singleResult();

        scenario.run(message, "ServiceTask_SendMessageToMicrosoft");
        verify(scenario.communications).add(any(), eq(relay.getBusinessKey()), eq(message.getBusinessKey()), eq("[INC0010042] VM が応答しない"),
                eq("再起動後も同じエラーです。"), eq("op@msp.example.jp"));
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.empty());
        scenario.run(message, "IntermediateCatchEvent_MessagePollDue");
        scenario.run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(scenario.notes()).isEmpty();
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.of(new Communication(message.getBusinessKey(), "s",
                "再起動後も同じエラーです。", "op@msp.example.jp", SupportCommunications.Channel.WEB, SupportCommunications.Direction.OUTBOUND, odt(T0))));
        scenario.run(message, "IntermediateCatchEvent_MessagePollDue");
        scenario.run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(message).isEnded().hasPassed("EndEvent_MessageSent");
        assertThat(scenario.notes()).singleElement().satisfies(n -> assertThat(n.workNotes()).contains("送信しました", "再起動後も同じエラーです。"));
        assertThat(messages.forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-1", "[MS] 再起動後も同じエラーです。", hanako))
                .as("redelivered after it was sent").isEmpty();
    }

    @Test
    void aMessageMicrosoftFailsGoesToTheOperatorWithItsReasonAndIsNotNotedAsSent() {
        scenario.openedTicket("acme");
        when(scenario.communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(scenario.communications.add(any(), anyString(), anyString(), anyString(), anyString(), any()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
        SupportOperationFailedException failed = mock(SupportOperationFailedException.class);
        when(failed.reason()).thenReturn("チケットはクローズされています");
        when(scenario.communications.added(any(), anyString(), any())).thenThrow(failed);
        String sending = new SupportMessages(scenario.runtime(), engine.getHistoryService()).forward("5f2e8c1a47d0b210a3c9e6f15d8b7a42", "d-2", "[MS] 追加情報です",
                SupportMessages.Sender.serviceNowUser("no.such.user")).orElseThrow();
        ProcessInstance message = scenario.runtime().createProcessInstanceQuery().processInstanceId(sending).singleResult();
        scenario.run(message, "ServiceTask_SendMessageToMicrosoft");
        verify(scenario.servicenow).findUserEmail("no.such.user");
        verify(scenario.communications).add(any(), anyString(), anyString(), anyString(), eq("追加情報です"), eq("taro.yamada@acme.example.jp"));
        scenario.run(message, "IntermediateCatchEvent_MessagePollDue");
        scenario.run(message, "ServiceTask_CheckMessageToMicrosoft");
        assertThat(message).isWaitingAt("UserTask_ReviewFailedMessageToMicrosoft").variables()
                .containsEntry("supportFailureReason", "チケットはクローズされています");
        assertThat(scenario.notes()).isEmpty();
    }

    @Test
    void theIncidentResolvedTheOperatorClosesTheTicketWithAFinalMessageFollowedToItsEndAndTheRelayEnds() {
        ProcessInstance relay = scenario.openedTicket("acme");
        SupportMessages messages = new SupportMessages(scenario.runtime(), engine.getHistoryService());
        assertThat(messages.incidentResolved("no-such-incident")).isFalse();
        assertThat(messages.incidentResolved("5f2e8c1a47d0b210a3c9e6f15d8b7a42")).isTrue();
        assertThat(task("UserTask_DecideSupportTicketClosing", relay)).hasCandidateGroup("operators");
        complete(task("UserTask_DecideSupportTicketClosing", relay), withVariables("supportCloseTicket", "keep"));
        verify(scenario.tickets, never()).close(any(), anyString());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");

        messages.incidentResolved("5f2e8c1a47d0b210a3c9e6f15d8b7a42");
        scenario.acceptingMessages();
        complete(task("UserTask_DecideSupportTicketClosing", relay),
                withVariables("supportCloseTicket", "close", "microsoftMessageBody", "解決しました。ご協力ありがとうございました。"));
        ProcessInstance closing = scenario.sentBy(relay);
        scenario.run(closing, "ServiceTask_SendMessageToMicrosoft");
        verify(scenario.communications).add(any(), eq(relay.getBusinessKey()), eq(closing.getBusinessKey()), anyString(),
                eq("解決しました。ご協力ありがとうございました。"), eq("taro.yamada@acme.example.jp"));
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.empty());
        scenario.pollMessage(closing);
        verify(scenario.tickets, never()).close(any(), anyString());
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(closing.getBusinessKey())));
        scenario.pollMessage(closing);
        assertThat(closing).isEnded().hasPassed("EndEvent_MessageSent");
        scenario.run(relay, "ServiceTask_CloseSupportTicket");
        verify(scenario.tickets).close(any(), eq(relay.getBusinessKey()));

        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(relay.getBusinessKey(), "Closed", SupportTickets.Severity.MODERATE));
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of());
        scenario.poll(relay);
        complete(task("UserTask_AcknowledgeSupportTicketClosed", relay));
        assertThat(relay).isEnded();
    }

    @Test
    void anOperatorWritesToMicrosoftFromTasklistAsThemselvesAndTheTaskComesBackEmpty() {
        var operator = engine.getIdentityService().newUser("op.tanaka");
        operator.setEmail("tanaka@msp.example.jp");
        engine.getIdentityService().saveUser(operator);
        try {
            ProcessInstance relay = scenario.openedTicket("acme");
            scenario.acceptingMessages();
            org.camunda.bpm.engine.task.Task handle = task("UserTask_HandleSupportTicket", relay);
            assertThat(handle).hasCandidateGroup("operators");
            engine.getIdentityService().setAuthentication("op.tanaka", List.of("operators"), List.of("acme"));
            try {
                engine.getTaskService().complete(handle.getId(), Map.of("supportAction", "message", "microsoftMessageBody", "再起動の前後のログを添付します。"));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            ProcessInstance sending = scenario.sentBy(relay);
            scenario.run(sending, "ServiceTask_SendMessageToMicrosoft");
            verify(scenario.communications).add(any(), eq(relay.getBusinessKey()), eq(sending.getBusinessKey()), eq("[INC0010042] VM が応答しない"),
                    eq("再起動の前後のログを添付します。"), eq("tanaka@msp.example.jp"));
            when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(sending.getBusinessKey())));
            scenario.pollMessage(sending);
            assertThat(sending).isEnded().hasPassed("EndEvent_MessageSent");
            assertThat(scenario.notes()).singleElement().satisfies(n -> assertThat(n.workNotes()).contains("再起動の前後のログを添付します。"));

            assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket", "IntermediateCatchEvent_RelayPollDue");
            assertThat(scenario.runtime().getVariable(relay.getId(), "microsoftMessageBody")).as("the form opens empty").isNull();
            complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "message", "microsoftMessageBody", "  "));
            assertThat(scenario.runtime().createProcessInstanceQuery().processDefinitionKey("microsoft-support-message").count())
                    .as("nothing written, nothing sent").isZero();
            assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket");
        } finally {
            engine.getIdentityService().deleteUser("op.tanaka");
        }
    }

    @Test
    void anOperatorChangesTheSeverityAndARefusalComesBackWithMicrosoftsReason() {
        ProcessInstance relay = scenario.openedTicket("acme");
        complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "severity", "supportNewSeverity", "critical"));
        scenario.run(relay, "ServiceTask_ChangeSupportSeverity");
        verify(scenario.tickets).changeSeverity(any(), eq(relay.getBusinessKey()), eq(SupportTickets.Severity.CRITICAL));
        assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket").variables().containsEntry("supportFailureReason", null);

        when(scenario.tickets.changeSeverity(any(), anyString(), eq(SupportTickets.Severity.HIGHEST_CRITICAL_IMPACT))).thenThrow(
                new io.opsflow.azure.ArmException(400, "InvalidSeverity", "Severity 'highestcriticalimpact' requires a Unified support plan", "r-9"));
        complete(task("UserTask_HandleSupportTicket", relay), withVariables("supportAction", "severity", "supportNewSeverity", "highestcriticalimpact"));
        scenario.run(relay, "ServiceTask_ChangeSupportSeverity");
        assertThat(relay).isWaitingAt("UserTask_HandleSupportTicket");
        assertThat((String) scenario.runtime().getVariable(relay.getId(), "supportFailureReason")).contains("Unified");
        assertThat(scenario.management().createJobQuery().processInstanceId(relay.getId()).withException().count()).as("no incident").isZero();
    }

    @Test
    void aThrottledPollOfTheRelayWaitsWhatArmAskedFor() {
        ProcessInstance relay = scenario.openedTicket("acme");
        when(scenario.communications.since(any(), anyString(), any()))
                .thenThrow(new ArmThrottledException("TooManyRequests", "throttled", "r-2", Duration.ofMinutes(7)));
        scenario.poll(relay);
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");
        Job relayTimer = scenario.management().createJobQuery().processInstanceId(relay.getId()).activityId("IntermediateCatchEvent_RelayPollDue").singleResult();
        assertThat(relayTimer.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(7))));
    }

    /**
     * The must-show, in one chain: created, three answers relayed once each (the third by another node),
     * an operator's [MS] comment sent, the incident resolved, a final message followed to its end before the
     * ticket is closed, Microsoft's Closed ending the relay. The clock moves as Microsoft answers.
     */
    @Test
    void theWholeLifeOfATicketFromCreationToClosing() {
        String sysId = "5f2e8c1a47d0b210a3c9e6f15d8b7a42";
        ProcessInstance escalation = scenario.prepared("acme");
        String name = (String) scenario.runtime().getVariable(escalation.getId(), "supportTicketName");
        when(scenario.tickets.created(any(), any())).thenReturn(Optional.of(ticket(name, "Open", SupportTickets.Severity.MODERATE)));
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(60)));
        scenario.poll(escalation);
        scenario.run(escalation, "ServiceTask_AddSupportTicketWorkNote");
        scenario.run(escalation, "ServiceTask_StartSupportRelay");
        assertThat(escalation).isEnded().hasPassed("EndEvent_SupportTicketOpened");
        assertThat(scenario.notes()).singleElement().satisfies(n -> assertThat(n.workNotes()).contains("2612010010000001", "moderate"));
        ProcessInstance relay = scenario.relay(name);
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue");

        Communication first = inbound("c1", "ログを確認します。", T0.plusSeconds(600));
        Communication second = inbound("c2", "ホストの障害を確認しました。", T0.plusSeconds(1800));
        Communication third = inbound("c3", "再発防止策をご案内します。", T0.plusSeconds(3600));
        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(name, "Open", SupportTickets.Severity.MODERATE));
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(first));
        pollAt(relay, T0.plusSeconds(660));
        assertThat(scenario.management().createJobQuery().processInstanceId(relay.getId()).activityId("IntermediateCatchEvent_RelayPollDue")
                .singleResult().getDuedate()).as("answered: the next look in 30 minutes").isEqualTo(Date.from(T0.plusSeconds(660 + 1800)));
        // ARM's bound is inclusive: the first answer comes back with the second.
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(first, second));
        pollAt(relay, T0.plusSeconds(660 + 1800));

        // The third answer is seen by a node that never saw this relay, from the engine's database.
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(second, third));
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(660 + 3600)));
        ProcessEngine other = otherNode();
        try {
            for (String activityId : List.of("IntermediateCatchEvent_RelayPollDue", "ServiceTask_RelayMicrosoftCommunications")) {
                Job job = other.getManagementService().createJobQuery().processInstanceId(relay.getId()).activityId(activityId).singleResult();
                other.getManagementService().executeJob(job.getId());
            }
        } finally {
            other.close();
        }
        verify(scenario.communications).since(any(), eq(name), eq(odt(T0.plusSeconds(1800))));

        scenario.acceptingMessages();
        when(scenario.servicenow.findUserEmail("hanako.sato")).thenReturn(Optional.of("hanako.sato@msp.example.jp"));
        SupportMessages messages = new SupportMessages(scenario.runtime(), engine.getHistoryService());
        SupportMessages.Sender hanako = SupportMessages.Sender.serviceNowUser("hanako.sato");
        String sending = messages.forward(sysId, "delivery-1/comments", "[MS] 再起動後も同じエラーです。", hanako).orElseThrow();
        ProcessInstance comment = scenario.runtime().createProcessInstanceQuery().processInstanceId(sending).singleResult();
        scenario.run(comment, "ServiceTask_SendMessageToMicrosoft");
        verify(scenario.communications).add(any(), eq(name), eq(comment.getBusinessKey()), anyString(), eq("再起動後も同じエラーです。"),
                eq("hanako.sato@msp.example.jp"));
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(comment.getBusinessKey())));
        scenario.pollMessage(comment);
        assertThat(comment).isEnded().hasPassed("EndEvent_MessageSent");
        assertThat(messages.forward(sysId, "delivery-1/comments", "[MS] 再起動後も同じエラーです。", hanako)).as("redelivered").isEmpty();
        // ARM lists our own message back: outbound, so not relayed as Microsoft's.
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of(third, outbound(comment.getBusinessKey())));
        pollAt(relay, T0.plusSeconds(660 + 5400));

        assertThat(messages.incidentResolved(sysId)).isTrue();
        complete(task("UserTask_DecideSupportTicketClosing", relay),
                withVariables("supportCloseTicket", "close", "microsoftMessageBody", "解決しました。ご協力ありがとうございました。"));
        ProcessInstance closing = scenario.sentBy(relay);
        scenario.run(closing, "ServiceTask_SendMessageToMicrosoft");
        verify(scenario.tickets, never()).close(any(), anyString());
        when(scenario.communications.added(any(), anyString(), any())).thenReturn(Optional.of(outbound(closing.getBusinessKey())));
        scenario.pollMessage(closing);
        assertThat(closing).isEnded().hasPassed("EndEvent_MessageSent");
        scenario.run(relay, "ServiceTask_CloseSupportTicket");
        InOrder order = inOrder(scenario.communications, scenario.tickets);
        order.verify(scenario.communications).add(any(), eq(name), eq(closing.getBusinessKey()), anyString(),
                eq("解決しました。ご協力ありがとうございました。"), eq("taro.yamada@acme.example.jp"));
        order.verify(scenario.tickets).close(any(), eq(name));
        verify(scenario.tickets, times(1)).close(any(), anyString());

        when(scenario.tickets.get(any(), anyString())).thenReturn(ticket(name, "Closed", SupportTickets.Severity.MODERATE));
        when(scenario.communications.since(any(), anyString(), any())).thenReturn(List.of());
        pollAt(relay, T0.plusSeconds(660 + 7200));
        assertThat(relay).isWaitingAt("UserTask_AcknowledgeSupportTicketClosed");
        complete(task("UserTask_AcknowledgeSupportTicketClosed", relay));
        assertThat(relay).isEnded().hasPassed("EndEvent_RelayEnded");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(relay.getId()).count()).as("no task left").isZero();

        List<IncidentUpdate> notes = scenario.notes();
        assertThat(notes).filteredOn(n -> n.workNotes().contains("からの連絡")).as("Microsoft's answers").hasSize(3);
        for (String answer : List.of("ログを確認します。", "ホストの障害を確認しました。", "再発防止策をご案内します。")) {
            assertThat(notes).filteredOn(n -> n.workNotes().contains(answer)).as(answer).hasSize(1);
        }
        assertThat(notes).filteredOn(n -> n.workNotes().contains("送信しました")).as("one note per message sent").hasSize(2);
        assertThat(notes).filteredOn(n -> n.workNotes().contains("再起動後も同じエラーです。")).hasSize(1);
        assertThat(notes).filteredOn(n -> n.workNotes().contains("解決しました。ご協力ありがとうございました。")).hasSize(1);
        assertThat(notes).filteredOn(n -> n.workNotes().contains("クローズされました")).hasSize(1);
        assertThat(notes).as("opened, 3 answers, 2 sent, closed").hasSize(7);
    }

    /** The relay's timer fires at its time, not before. */
    private void pollAt(ProcessInstance relay, Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        scenario.poll(relay);
    }
}
