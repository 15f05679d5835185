package io.opsflow.escalation;

import static io.opsflow.escalation.MicrosoftSupportEscalationProcessTest.ACME;
import static io.opsflow.escalation.MicrosoftSupportEscalationProcessTest.CLASSIFICATION_ID;
import static io.opsflow.escalation.MicrosoftSupportEscalationProcessTest.SERVICE_ID;
import static io.opsflow.escalation.MicrosoftSupportEscalationProcessTest.T0;
import static io.opsflow.escalation.MicrosoftSupportEscalationProcessTest.VM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.azure.SupportCatalog;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.slack.SlackNotifier;

/** An operator starts microsoft-support-escalation from Tasklist for an existing ServiceNow incident. */
@Deployment(resources = {
        "processes/escalation/microsoft-support-escalation.bpmn", "processes/escalation/microsoft-support-relay.bpmn",
        "processes/escalation/escalation-severity.dmn", "processes/escalation/support-ticket-preparation.form",
        "processes/escalation/support-ticket-failed.form", "processes/escalation/support-ticket-notice.form",
        "processes/escalation/support-ticket-closing.form", "processes/escalation/support-escalation-request.form"})
class MicrosoftSupportEscalationByHandProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String SYS_ID = "7a1b2c3d4e5f40718293a4b5c6d7e8f9";
    static final String OTHER_SERVICE_ID = "/providers/Microsoft.Support/services/other";

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final SupportCatalog catalog = mock(SupportCatalog.class);
    final SupportTickets tickets = mock(SupportTickets.class);
    final ServiceNowClient servicenow = mock(ServiceNowClient.class);

    RuntimeService runtime;

    @BeforeEach
    void wire() {
        ClockUtil.setCurrentTime(Date.from(T0));
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(catalog.services(any(), eq(Locale.JAPAN))).thenReturn(List.of(new SupportCatalog.Service(SERVICE_ID,
                "6f16735c-b0ae-b275-ad3a-03479cfa1396", "仮想マシン (Windows)", List.of("Microsoft.Compute/virtualMachines"))));
        when(catalog.problemClassifications(any(), eq("6f16735c-b0ae-b275-ad3a-03479cfa1396"), eq(Locale.JAPAN))).thenReturn(List.of(
                new SupportCatalog.ProblemClassification(CLASSIFICATION_ID, "e1c2f4a8", "VM に接続できない")));
        EscalationMocks.register(customers, catalog, tickets, mock(SupportCommunications.class), servicenow, mock(SlackNotifier.class));
        Mocks.register("describeIncidentTaskListener", (TaskListener) task -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void anInquiryOfTheOperatorsCustomerIsReadFromServiceNowAndPrepared() {
        when(servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "2")));
        ProcessInstance escalation = startByHand("INC0010077", "ストレージ アカウントの課金が急増した理由を教えてください");
        run(escalation, "ServiceTask_LoadServiceNowIncident");
        run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").hasBusinessKey("INC0010077").variables()
                .containsEntry("serviceNowSysId", SYS_ID)
                .containsEntry("priority", "P2")
                .containsEntry("supportSeverity", "moderate")
                .containsEntry("supportTitle", "[INC0010077] 問い合わせ: 課金の急増");
        assertThat(runtime.getVariable(escalation.getId(), "supportDescription").toString())
                .startsWith("確認したいこと: ストレージ アカウントの課金が急増した理由を教えてください\n").contains("11 月の請求額が 3 倍");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(escalation.getId()).singleResult().getTenantId()).isEqualTo("acme");
        assertThat(runtime.getVariable(escalation.getId(), "supportServiceId")).as("no resource: no service proposed").isNull();

        // The operator picks the service; its problem types are loaded and the form comes back.
        complete(task(escalation), withVariables("supportServiceId", SERVICE_ID));
        run(escalation, "ServiceTask_LoadProblemClassifications");
        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").variables()
                .containsEntry("supportPreparationHint", "選んだサービスの問題の種類を読み込みました。「問題の種類」を選んでから完了してください。");
        assertThat(runtime.getVariableTyped(escalation.getId(), "supportProblemClassifications").getValue().toString())
                .contains("VM に接続できない", CLASSIFICATION_ID);

        // A problem type left over from another service is not sent to Microsoft either.
        complete(task(escalation), withVariables("supportServiceId", OTHER_SERVICE_ID, "supportProblemClassificationId", CLASSIFICATION_ID));
        run(escalation, "ServiceTask_LoadProblemClassifications");
        verify(catalog).problemClassifications(any(), eq("other"), eq(Locale.JAPAN));
        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").variables().containsEntry("supportProblemClassificationId", null);

        complete(task(escalation), withVariables("supportServiceId", SERVICE_ID, "supportProblemClassificationId", CLASSIFICATION_ID));
        assertThat(escalation).isWaitingAt("ServiceTask_CreateSupportTicket");
    }

    @Test
    void whatTheIncidentsCoordinationKnowsIsCarriedOver() {
        engine.getRepositoryService().createDeployment().addModelInstance("incident-coordination.bpmn",
                Bpmn.createExecutableProcess("incident-coordination").camundaHistoryTimeToLive(1).startEvent().userTask("Wait").endEvent().done())
                .deploy();
        Map<String, Object> known = new HashMap<>(Map.of("customerId", "acme", "serviceNowSysId", SYS_ID, "priority", "P1",
                "targetResource", VM, "targetResourceType", "microsoft.compute/virtualmachines", "diagnosticNote", "診断: ディスク 100%"));
        runtime.startProcessInstanceByKey("incident-coordination", known);
        when(servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "3")));

        ProcessInstance escalation = startByHand("INC0010077", null);
        run(escalation, "ServiceTask_LoadServiceNowIncident");
        run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").variables()
                .containsEntry("priority", "P1").containsEntry("targetResource", VM).containsEntry("supportServiceId", SERVICE_ID)
                .containsEntry("supportSeverity", "critical");
        assertThat(runtime.getVariable(escalation.getId(), "supportDescription").toString()).contains("診断: ディスク 100%");
    }

    @Test
    void anotherCustomersIncidentIsRefusedWithTheReasonForTheOperatorAndNothingIsOpened() {
        when(servicenow.findIncidentByNumber("INC0010078")).thenReturn(Optional.of(incident("ffff0000000000000000000000000000", "1")));
        ProcessInstance escalation = startByHand("INC0010078", null);
        run(escalation, "ServiceTask_LoadServiceNowIncident");

        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation").task().isAssignedTo("op.tanaka");
        assertThat((String) runtime.getVariable(escalation.getId(), "escalationRefusedReason"))
                .isEqualTo("インシデント INC0010078 は顧客 ACME株式会社 のものではありません");
        complete(task(escalation));
        assertThat(escalation).isEnded().hasPassed("EndEvent_EscalationRefused").hasNotPassed("ServiceTask_LoadSupportCatalog");
        verify(tickets, never()).create(any(), any());
        verify(catalog, never()).services(any(), any());
    }

    @Test
    void anUnknownNumberIsRefused() {
        ProcessInstance escalation = startByHand("INC0099999", null);
        run(escalation, "ServiceTask_LoadServiceNowIncident");
        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation");
        assertThat((String) runtime.getVariable(escalation.getId(), "escalationRefusedReason")).contains("INC0099999", "見つかりません");
    }

    @Test
    void anIncidentWithAnOpenTicketIsRefusedNamingTheTicket() {
        runtime.startProcessInstanceByKey("microsoft-support-relay", "opsflow-open", Map.of("customerId", "acme", "serviceNowSysId", SYS_ID,
                "microsoftCaseNumber", "2612010010000009", "relayPollInterval", "PT5M", "supportResponseDue", Date.from(T0.plusSeconds(3600))));
        when(servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "2")));
        ProcessInstance escalation = startByHand("INC0010077", null);
        run(escalation, "ServiceTask_LoadServiceNowIncident");
        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation");
        assertThat((String) runtime.getVariable(escalation.getId(), "escalationRefusedReason")).contains("2612010010000009");
    }

    @Test
    void anOperatorOfAnotherCustomerCannotStartItForThisOne() {
        engine.getIdentityService().setAuthentication("op.globex", List.of("operators"), List.of("globex"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("microsoft-support-escalation",
                    Map.of("customerId", "acme", "serviceNowNumber", "INC0010077")))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("acme");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation").count()).isZero();
        verify(servicenow, never()).findIncidentByNumber(any());
    }

    /** As the start form submits it (the engine's guard, tested in AccessControlTest, checks the caller first). */
    private ProcessInstance startByHand(String number, String question) {
        Map<String, Object> form = new HashMap<>();
        form.put("customerId", "acme");
        form.put("serviceNowNumber", number);
        form.put("escalationQuestion", question);
        engine.getIdentityService().setAuthentication("op.tanaka", List.of("operators"), List.of("acme"));
        try {
            return runtime.startProcessInstanceByKey("microsoft-support-escalation", form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Incident incident(String company, String priority) {
        Map<String, String> fields = new HashMap<>();
        fields.put("sys_id", SYS_ID);
        fields.put("number", "INC0010077");
        fields.put("company", company);
        fields.put("priority", priority);
        fields.put("category", "inquiry");
        fields.put("state", "2");
        fields.put("short_description", "問い合わせ: 課金の急増");
        fields.put("description", "11 月の請求額が 3 倍になった");
        return Incident.of(fields);
    }

    private void run(ProcessInstance instance, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }
}
