package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationScenario.ACME;
import static io.opsflow.escalation.EscalationScenario.CLASSIFICATION_ID;
import static io.opsflow.escalation.EscalationScenario.SERVICE_ID;
import static io.opsflow.escalation.EscalationScenario.T0;
import static io.opsflow.escalation.EscalationScenario.VM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.servicenow.Incident;

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

    @RegisterExtension
    final EscalationScenario scenario = new EscalationScenario(engine);

    @Test
    void anInquiryOfTheOperatorsCustomerIsReadFromServiceNowAndPrepared() {
        when(scenario.servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "2")));
        ProcessInstance escalation = startByHand("INC0010077", "ストレージ アカウントの課金が急増した理由を教えてください");
        scenario.run(escalation, "ServiceTask_LoadServiceNowIncident");
        scenario.run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").hasBusinessKey("INC0010077").variables()
                .containsEntry("serviceNowSysId", SYS_ID)
                .containsEntry("priority", "P2")
                .containsEntry("supportSeverity", "moderate")
                .containsEntry("supportTitle", "[INC0010077] 問い合わせ: 課金の急増");
        assertThat(scenario.runtime().getVariable(escalation.getId(), "supportDescription").toString())
                .startsWith("確認したいこと: ストレージ アカウントの課金が急増した理由を教えてください\n").contains("11 月の請求額が 3 倍");
        assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceId(escalation.getId()).singleResult().getTenantId()).isEqualTo("acme");
        assertThat(scenario.runtime().getVariable(escalation.getId(), "supportServiceId")).as("no resource: no service proposed").isNull();

        // The operator picks the service; its problem types are loaded and the form comes back.
        complete(task(escalation), withVariables("supportServiceId", SERVICE_ID));
        scenario.run(escalation, "ServiceTask_LoadProblemClassifications");
        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").variables()
                .containsEntry("supportPreparationHint", "選んだサービスの問題の種類を読み込みました。「問題の種類」を選んでから完了してください。");
        assertThat(scenario.runtime().getVariableTyped(escalation.getId(), "supportProblemClassifications").getValue().toString())
                .contains("VM に接続できない", CLASSIFICATION_ID);

        // A problem type left over from another service is not sent to Microsoft either.
        complete(task(escalation), withVariables("supportServiceId", OTHER_SERVICE_ID, "supportProblemClassificationId", CLASSIFICATION_ID));
        scenario.run(escalation, "ServiceTask_LoadProblemClassifications");
        verify(scenario.catalog).problemClassifications(any(), eq("other"), eq(Locale.JAPAN));
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
        scenario.runtime().startProcessInstanceByKey("incident-coordination", known);
        when(scenario.servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "3")));

        ProcessInstance escalation = startByHand("INC0010077", null);
        scenario.run(escalation, "ServiceTask_LoadServiceNowIncident");
        scenario.run(escalation, "ServiceTask_LoadSupportCatalog");

        assertThat(escalation).isWaitingAt("UserTask_PrepareSupportTicket").variables()
                .containsEntry("priority", "P1").containsEntry("targetResource", VM).containsEntry("supportServiceId", SERVICE_ID)
                .containsEntry("supportSeverity", "critical");
        assertThat(scenario.runtime().getVariable(escalation.getId(), "supportDescription").toString()).contains("診断: ディスク 100%");
    }

    @Test
    void anotherCustomersIncidentIsRefusedWithTheReasonForTheOperatorAndNothingIsOpened() {
        when(scenario.servicenow.findIncidentByNumber("INC0010078")).thenReturn(Optional.of(incident("ffff0000000000000000000000000000", "1")));
        ProcessInstance escalation = startByHand("INC0010078", null);
        scenario.run(escalation, "ServiceTask_LoadServiceNowIncident");

        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation").task().isAssignedTo("op.tanaka");
        assertThat((String) scenario.runtime().getVariable(escalation.getId(), "escalationRefusedReason"))
                .isEqualTo("インシデント INC0010078 は顧客 ACME株式会社 のものではありません");
        complete(task(escalation));
        assertThat(escalation).isEnded().hasPassed("EndEvent_EscalationRefused").hasNotPassed("ServiceTask_LoadSupportCatalog");
        verify(scenario.tickets, never()).create(any(), any());
        verify(scenario.catalog, never()).services(any(), any());
    }

    @Test
    void anUnknownNumberIsRefused() {
        ProcessInstance escalation = startByHand("INC0099999", null);
        scenario.run(escalation, "ServiceTask_LoadServiceNowIncident");
        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation");
        assertThat((String) scenario.runtime().getVariable(escalation.getId(), "escalationRefusedReason")).contains("INC0099999", "見つかりません");
    }

    @Test
    void anIncidentWithAnOpenTicketIsRefusedNamingTheTicket() {
        scenario.runtime().startProcessInstanceByKey("microsoft-support-relay", "opsflow-open", Map.of("customerId", "acme", "serviceNowSysId", SYS_ID,
                "microsoftCaseNumber", "2612010010000009", "relayPollInterval", "PT5M", "supportResponseDue", Date.from(T0.plusSeconds(3600))));
        when(scenario.servicenow.findIncidentByNumber("INC0010077")).thenReturn(Optional.of(incident(ACME.servicenow().companySysId(), "2")));
        ProcessInstance escalation = startByHand("INC0010077", null);
        scenario.run(escalation, "ServiceTask_LoadServiceNowIncident");
        assertThat(escalation).isWaitingAt("UserTask_ReviewRefusedEscalation");
        assertThat((String) scenario.runtime().getVariable(escalation.getId(), "escalationRefusedReason")).contains("2612010010000009");
    }

    @Test
    void anOperatorOfAnotherCustomerCannotStartItForThisOne() {
        engine.getIdentityService().setAuthentication("op.globex", List.of("operators"), List.of("globex"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.runtime().startProcessInstanceByKey("microsoft-support-escalation",
                    Map.of("customerId", "acme", "serviceNowNumber", "INC0010077")))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("acme");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(scenario.runtime().createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation").count()).isZero();
        verify(scenario.servicenow, never()).findIncidentByNumber(any());
    }

    /** As the start form submits it (the engine's guard, tested in AccessControlTest, checks the caller first). */
    private ProcessInstance startByHand(String number, String question) {
        Map<String, Object> form = new HashMap<>();
        form.put("customerId", "acme");
        form.put("serviceNowNumber", number);
        form.put("escalationQuestion", question);
        engine.getIdentityService().setAuthentication("op.tanaka", List.of("operators"), List.of("acme"));
        try {
            return scenario.runtime().startProcessInstanceByKey("microsoft-support-escalation", form);
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
}
