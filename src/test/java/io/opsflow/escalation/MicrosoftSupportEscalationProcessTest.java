package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationScenario.ACME;
import static io.opsflow.escalation.EscalationScenario.CLASSIFICATION_ID;
import static io.opsflow.escalation.EscalationScenario.SERVICE_ID;
import static io.opsflow.escalation.EscalationScenario.SUB;
import static io.opsflow.escalation.EscalationScenario.T0;
import static io.opsflow.escalation.EscalationScenario.VM;
import static io.opsflow.escalation.EscalationScenario.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportOperationFailedException;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NoteKey;

/** microsoft-support-escalation on a bare engine, up to the ticket opened: real delegates around mocked Azure, ServiceNow and Slack. */
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

    @RegisterExtension
    final EscalationScenario scenario = new EscalationScenario(engine);

    @Test
    void theOperatorConfirmsAProposalFromTheLiveCatalogAndTheTicketIsOpenedOnceAndNoted() {
        ProcessInstance escalation = scenario.start("acme", "P1");
        scenario.run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").task().hasCandidateGroup("operators");
        assertThat(escalation).variables()
                .containsEntry("supportSeverity", "critical")
                .containsEntry("supportServiceId", SERVICE_ID)
                .containsEntry("supportPlan", "professional-direct")
                .containsEntry("supportContactName", "山田 太郎")
                .containsEntry("support24x7", true)
                .containsEntry("supportTitle", "[INC0010042] VM が応答しない");
        assertThat(scenario.runtime().getVariable(escalation.getId(), "supportDescription").toString())
                .contains("VM が応答しない", VM, "診断: ディスク 100%");
        assertThat(scenario.runtime().getVariableTyped(escalation.getId(), "supportServices").getValue().toString())
                .contains("仮想マシン (Windows)", SERVICE_ID);
        assertThat(scenario.runtime().getVariableTyped(escalation.getId(), "supportProblemClassifications").getValue().toString())
                .contains("VM に接続できない", CLASSIFICATION_ID);

        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID, "supportSeverity", "moderate"));
        scenario.run(escalation, "ServiceTask_CreateSupportTicket");
        ArgumentCaptor<SupportTickets.NewTicket> asked = ArgumentCaptor.forClass(SupportTickets.NewTicket.class);
        ArgumentCaptor<SupportAccess> access = ArgumentCaptor.forClass(SupportAccess.class);
        verify(scenario.tickets).create(access.capture(), asked.capture());
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
        when(scenario.tickets.created(any(), any())).thenReturn(Optional.empty());
        scenario.poll(escalation);
        assertThat(escalation).isWaitingAt("IntermediateCatchEvent_SupportTicketPollDue").variables().containsEntry("supportPollInterval", "PT1M");
        verify(scenario.servicenow, never()).updateIncident(anyString(), any(), any());

        when(scenario.tickets.created(any(), any())).thenReturn(Optional.of(ticket(ticket.name(), "Open", SupportTickets.Severity.MODERATE)));
        scenario.poll(escalation);
        scenario.run(escalation, "ServiceTask_AddSupportTicketWorkNote");
        ArgumentCaptor<IncidentUpdate> note = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(scenario.servicenow).updateIncident(eq("5f2e8c1a47d0b210a3c9e6f15d8b7a42"), note.capture(), any(NoteKey.class));
        assertThat(note.getValue().workNotes()).contains("2612010010000001", "moderate", "2026-12-01 14:00 JST", "Microsoft サポートリクエスト");
        assertThat(note.getValue().customFields()).containsEntry("u_microsoft_case", "2612010010000001");
        scenario.run(escalation, "ServiceTask_StartSupportRelay");

        assertThat(escalation).isEnded().hasPassed("EndEvent_SupportTicketOpened").variables()
                .containsEntry("microsoftCaseNumber", "2612010010000001");
        ProcessInstance relay = scenario.relay(ticket.name());
        assertThat(relay).isWaitingAt("IntermediateCatchEvent_RelayPollDue").variables()
                .containsEntry("serviceNowSysId", "5f2e8c1a47d0b210a3c9e6f15d8b7a42").containsEntry("microsoftCaseNumber", "2612010010000001");
        assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceId(relay.getId()).singleResult().getTenantId())
                .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(escalation.getId())
                        .singleResult().getTenantId())
                .isEqualTo("acme");
    }

    @Test
    void aCreationMicrosoftFailsIsShownWithItsReasonAndNeverReportedAsSent() {
        ProcessInstance escalation = scenario.prepared("acme");
        SupportOperationFailedException failed = mock(SupportOperationFailedException.class);
        when(failed.reason()).thenReturn("このサブスクリプションにはサポート プランがありません。");
        when(scenario.tickets.created(any(), any())).thenThrow(failed);
        scenario.poll(escalation);

        assertThat(escalation).isWaitingAt("UserTask_ReviewFailedSupportTicket").variables()
                .containsEntry("supportFailureReason", "このサブスクリプションにはサポート プランがありません。")
                .doesNotContainKey("microsoftCaseNumber");
        verify(scenario.servicenow, never()).updateIncident(anyString(), any(), any());
        complete(task(escalation), withVariables("supportRetry", "retry"));
        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket");
        complete(task(escalation));
        scenario.run(escalation, "ServiceTask_CreateSupportTicket");
        ArgumentCaptor<SupportTickets.NewTicket> asked = ArgumentCaptor.forClass(SupportTickets.NewTicket.class);
        verify(scenario.tickets, org.mockito.Mockito.times(2)).create(any(), asked.capture());
        assertThat(asked.getAllValues().get(1).name()).isEqualTo(CreateSupportTicketDelegate.ticketName(escalation.getId(), 2));

        scenario.poll(escalation);
        complete(task(escalation), withVariables("supportRetry", "giveUp"));
        assertThat(escalation).isEnded().hasPassed("EndEvent_SupportTicketNotOpened");
        assertThat(scenario.runtime().createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").count()).isZero();
        verify(scenario.servicenow, never()).updateIncident(anyString(), any(), any());
    }

    @Test
    void aCustomerWithoutASupportContactFailsTheCreationAtOnceAndOpensNothing() {
        when(scenario.customers.find("acme")).thenReturn(Optional.of(new Customer("acme", ACME.displayName(), "ja", ACME.azure(), ACME.servicenow(),
                null, null, Map.of(), null, null)));
        ProcessInstance escalation = scenario.start("acme", "P2");
        scenario.run(escalation, "ServiceTask_LoadSupportCatalog");
        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID));

        Job create = scenario.management().createJobQuery().processInstanceId(escalation.getId()).activityId("ServiceTask_CreateSupportTicket")
                .singleResult();
        assertThatThrownBy(() -> scenario.management().executeJob(create.getId())).hasMessageContaining("support.contact");
        assertThat(scenario.management().createJobQuery().jobId(create.getId()).singleResult().getRetries()).as("no retries left: an incident now")
                .isZero();
        verify(scenario.tickets, never()).create(any(), any());
    }

    @Test
    void aThrottledPollOfTheCreationWaitsWhatArmAskedFor() {
        ProcessInstance escalation = scenario.prepared("acme");
        when(scenario.tickets.created(any(), any())).thenThrow(new ArmThrottledException("TooManyRequests", "throttled", "r-1", Duration.ofSeconds(170)));
        scenario.poll(escalation);
        Job timer = scenario.management().createJobQuery().processInstanceId(escalation.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(T0.plusSeconds(170)));
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
}
