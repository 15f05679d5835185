package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/**
 * Least privilege through {@code /engine-rest} with real users of every human group in two
 * customers (tenants): what each may start, which tasks each may decide, and what a completion may
 * carry. Every refusal is also checked to have changed nothing.
 */
@OpsflowSpringTest
class AccessControlTest {

    static final String STARTABLE = "access-startable-check";
    static final String APPROVAL = "access-approval-check";
    static final String A = "access-a";
    static final String B = "access-b";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestIdentities identities;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @BeforeEach
    void twoCustomersAndAUserOfEachGroupInA() throws Exception {
        customers.save(new Customer(A, "顧客A", "ja", null, null, null, null, Map.of(), null));
        customers.save(new Customer(B, "Customer B", "en", null, null, null, null, Map.of(), null));
        identities.user("operator-of-a", List.of(Roles.OPERATORS_GROUP), List.of(A));
        identities.user("manager-of-a", List.of(Roles.MANAGERS_GROUP), List.of(A));
        identities.user("designer-of-a", List.of(Roles.DESIGN_TEAM_GROUP), List.of(A));
        identities.user("operator-of-b", List.of(Roles.OPERATORS_GROUP), List.of(B));
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(APPROVAL).count() == 0) {
            repositoryService.createDeployment().name("access-control-test")
                    .addModelInstance(STARTABLE + ".bpmn", startableByEveryGroup())
                    .addModelInstance(APPROVAL + ".bpmn", Bpmn.createExecutableProcess(APPROVAL).camundaHistoryTimeToLive(1)
                            .startEvent().userTask("UserTask_ApproveRequest").camundaCandidateGroups(Roles.MANAGERS_GROUP)
                            .camundaFormRef("catalog-approval").camundaFormRefBinding("deployment").endEvent().done())
                    .addString("catalog-approval.form", Files.readString(Path.of("processes/catalog/catalog-approval.form")))
                    .deploy();
            // What StartGrants does at start-up for processes/ (this one is deployed later).
            for (String group : List.of(Roles.OPERATORS_GROUP, Roles.MANAGERS_GROUP, Roles.DESIGN_TEAM_GROUP)) {
                var grant = authorizationService.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
                grant.setResourceId(STARTABLE);
                grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
                authorizationService.saveAuthorization(grant);
            }
        }
    }

    @ParameterizedTest(name = "{1} cannot start {0}")
    @CsvSource({
            "incident-coordination, operator-of-a", "incident-coordination, manager-of-a", "incident-coordination, designer-of-a", "incident-coordination, admin",
            "service-catalog-request, operator-of-a", "service-catalog-request, manager-of-a", "service-catalog-request, designer-of-a", "service-catalog-request, admin",
            "incident-sla-escalation, operator-of-a", "incident-sla-escalation, manager-of-a", "incident-sla-escalation, admin",
            "microsoft-support-escalation, manager-of-a", "microsoft-support-escalation, designer-of-a", "microsoft-support-escalation, admin",
            "microsoft-support-relay, operator-of-a", "microsoft-support-relay, admin", "microsoft-support-message, operator-of-a",
            "microsoft-support-message, admin",
            "runbook-job, operator-of-a", "runbook-job, admin", "destination-gone, operator-of-a", "destination-gone, admin"})
    void nobodyStartsAProcessThatOnlyOpsflowStarts(String process, String user) {
        // Started by this user, not all instances: other tests' runbook jobs start and end meanwhile.
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(process).startedBy(user).count();

        ResponseEntity<String> start = as(user).postForEntity("/engine-rest/process-definition/key/" + process + "/start",
                json("{\"variables\":{\"customerId\":{\"value\":\"" + A + "\"},\"catalogItemSysId\":{\"value\":\"x\"},"
                        + "\"approvedInServiceNow\":{\"value\":true}}}"), String.class);

        assertThat(start.getStatusCode()).as(start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(process).startedBy(user).count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} starts only for their own customer")
    @CsvSource({"operator-of-a", "manager-of-a", "designer-of-a"})
    void everyGroupStartsOnlyForTheCustomersItWorksFor(String user) {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(STARTABLE).tenantIdIn(B).count();

        ResponseEntity<String> foreign = as(user).postForEntity("/engine-rest/process-definition/key/" + STARTABLE + "/start",
                json("{\"variables\":{\"customerId\":{\"value\":\"" + B + "\"}}}"), String.class);

        assertThat(foreign.getStatusCode()).as(foreign.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody()).contains(B);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(STARTABLE).tenantIdIn(B).count()).isEqualTo(before);

        ResponseEntity<String> own = as(user).postForEntity("/engine-rest/process-definition/key/" + STARTABLE + "/start",
                json("{\"variables\":{\"customerId\":{\"value\":\"" + A + "\"}}}"), String.class);
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(idOf(own)).singleResult().getTenantId()).isEqualTo(A);
    }

    /**
     * Operators escalate to Microsoft by hand from Tasklist (the start form), for their own customers
     * only; another customer's operator neither starts it for them nor sees the instance or its tasks.
     */
    @Test
    void anOperatorEscalatesToMicrosoftOnlyForTheirCustomerAndOnlyTheirColleaguesSeeIt() {
        String path = "/engine-rest/process-definition/key/microsoft-support-escalation/submit-form";
        String forA = "{\"variables\":{\"customerId\":{\"value\":\"" + A + "\"},\"serviceNowNumber\":{\"value\":\"INC0090001\"}}}";

        ResponseEntity<String> foreign = as("operator-of-b").postForEntity(path, json(forA), String.class);
        assertThat(foreign.getStatusCode()).as(foreign.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody()).contains(A);
        ResponseEntity<String> forged = as("operator-of-a").postForEntity(path, json("{\"variables\":{\"customerId\":{\"value\":\"" + A
                + "\"},\"serviceNowNumber\":{\"value\":\"INC0090001\"},\"runbookName\":{\"value\":\"Remove-Everything\"}}}"), String.class);
        assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> own = as("operator-of-a").postForEntity(path, json(forA), String.class);
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
        String id = idOf(own);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId()).isEqualTo(A);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("microsoft-support-escalation").tenantIdIn(A).count())
                .as("the forged start changed nothing").isOne();

        // Customer A has no ServiceNow company: the incident is refused and the reason waits for the operator who asked.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> taskService.createTaskQuery().processInstanceId(id).count() == 1);
        assertThat(as("operator-of-a").getForObject("/engine-rest/task?processInstanceId=" + id, String.class))
                .contains("UserTask_ReviewRefusedEscalation", "\"assignee\":\"operator-of-a\"");
        assertThat(as("operator-of-b").getForObject("/engine-rest/task?processInstanceId=" + id, String.class)).isEqualTo("[]");
        assertThat(as("operator-of-b").getForObject("/engine-rest/process-instance?processInstanceIds=" + id, String.class)).isEqualTo("[]");
        assertThat(as("operator-of-b").getForObject("/engine-rest/history/process-instance?processInstanceId=" + id, String.class))
                .isEqualTo("[]");
        runtimeService.deleteProcessInstance(id, "test over");
    }

    @Test
    void aStartCarriesNoVariablesTheProcessDoesNotAskFor() {
        ResponseEntity<String> start = as("operator-of-a").postForEntity("/engine-rest/process-definition/key/" + STARTABLE + "/start",
                json("{\"variables\":{\"customerId\":{\"value\":\"" + A + "\"},\"runbook\":{\"value\":\"Remove-Everything\"}}}"), String.class);

        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(start.getBody()).contains("runbook: not a field of this form");
    }

    @Test
    void onlyTheApprovalsCandidateGroupDecidesIt() {
        Task approval = approvalTask();

        ResponseEntity<String> byOperator = as("operator-of-a").postForEntity("/engine-rest/task/" + approval.getId() + "/complete",
                json(decision("approve", "ok")), String.class);
        assertThat(byOperator.getStatusCode()).as(byOperator.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> claimByOperator = as("operator-of-a").postForEntity("/engine-rest/task/" + approval.getId() + "/claim",
                json("{\"userId\":\"operator-of-a\"}"), String.class);
        assertThat(claimByOperator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();

        ResponseEntity<String> byManager = as("manager-of-a").postForEntity("/engine-rest/task/" + approval.getId() + "/complete",
                json(decision("approve", "承認します")), String.class);
        assertThat(byManager.getStatusCode()).as(byManager.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isZero();
    }

    @Test
    void aCompletionWithExtraOrForgedVariablesIsRefusedAndChangesNothing() {
        Task approval = approvalTask();

        assertRefused(approval, "{\"variables\":{\"approvalDecision\":{\"value\":\"approve\"},\"approvalReason\":{\"value\":\"ok\"},"
                + "\"runbook\":{\"value\":\"Remove-AzureNsgRule\"},\"runbookParameters\":{\"value\":\"{}\"}}}", "runbook: not a field of this form");
        assertRefused(approval, decision("approve-all", "ok"), "approvalDecision: 'approve-all' is not one of [approve, reject]");
        assertRefused(approval, "{\"variables\":{\"approvalDecision\":{\"value\":true},\"approvalReason\":{\"value\":\"ok\"}}}",
                "approvalDecision: must be text");
        assertRefused(approval, "{\"variables\":{\"approvalDecision\":{\"value\":\"approve\"}}}", "approvalReason: is required");
        assertRefused(approval, "{\"variables\":{\"approvalDecision\":{\"value\":\"approve\"},\"approvalReason\":{\"value\":\"ok\"},"
                + "\"customerId\":{\"value\":\"" + B + "\"}}}", "customerId: is read-only");

        // Tasklist sends read-only fields back unchanged: that is accepted.
        ResponseEntity<String> asTasklist = as("manager-of-a").postForEntity("/engine-rest/task/" + approval.getId() + "/submit-form",
                json("{\"variables\":{\"approvalDecision\":{\"value\":\"reject\"},\"approvalReason\":{\"value\":\"対象外\"},"
                        + "\"customerId\":{\"value\":\"" + A + "\"},\"ritmNumber\":{\"value\":\"\"}}}"), String.class);
        assertThat(asTasklist.getStatusCode()).as(asTasklist.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void onlyAdministratorsWriteVariablesOutsideAForm() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(APPROVAL, Map.of("customerId", A));

        ResponseEntity<String> byManager = as("manager-of-a").exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/runbook",
                HttpMethod.PUT, json("{\"value\":\"Remove-Everything\"}"), String.class);
        assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.getVariable(instance.getId(), "runbook")).isNull();

        ResponseEntity<String> message = as("operator-of-a").postForEntity("/engine-rest/message",
                json("{\"messageName\":\"AlertResolved\",\"processInstanceId\":\"" + instance.getId() + "\"}"), String.class);
        assertThat(message.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> byAdmin = as("admin").exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/repairNote",
                HttpMethod.PUT, json("{\"value\":\"fixed by hand\"}"), String.class);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void managersRetryAFailedStepOfTheirCustomersOperatorsDoNot() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("access-retry-check").count() == 0) {
            repositoryService.createDeployment().addModelInstance("access-retry-check.bpmn", Bpmn.createExecutableProcess("access-retry-check")
                    .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("TimerEvent_NotYetDue").timerWithDuration("PT1H")
                    .endEvent().done()).deploy();
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("access-retry-check", Map.of("customerId", A));
        var job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.setJobRetries(job.getId(), 0); // as a failed step leaves it: a Cockpit incident

        for (String user : List.of("operator-of-a", "designer-of-a")) {
            ResponseEntity<String> attempt = as(user).exchange("/engine-rest/job/" + job.getId() + "/retries", HttpMethod.PUT,
                    json("{\"retries\":1}"), String.class);
            assertThat(attempt.getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();

        ResponseEntity<String> byManager = as("manager-of-a").exchange("/engine-rest/job/" + job.getId() + "/retries", HttpMethod.PUT,
                json("{\"retries\":1}"), String.class);
        assertThat(byManager.getStatusCode()).as(byManager.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void assertRefused(Task task, String body, String problem) {
        ResponseEntity<String> attempt = as("manager-of-a").postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(body), String.class);
        assertThat(attempt.getStatusCode()).as(attempt.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attempt.getBody()).contains(problem);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "runbook")).isNull();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "customerId")).isEqualTo(A);
    }

    private static org.camunda.bpm.model.bpmn.BpmnModelInstance startableByEveryGroup() {
        var model = Bpmn.createExecutableProcess(STARTABLE).camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_Check").camundaCandidateGroups(Roles.OPERATORS_GROUP).endEvent().done();
        model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(STARTABLE)
                .setCamundaCandidateStarterGroups("operators,managers,design-team");
        return model;
    }

    private Task approvalTask() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(APPROVAL, Map.of("customerId", A, "ritmNumber", ""));
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static String decision(String decision, String reason) {
        return "{\"variables\":{\"approvalDecision\":{\"value\":\"" + decision + "\"},\"approvalReason\":{\"value\":\"" + reason + "\"}}}";
    }

    private static String idOf(ResponseEntity<String> started) {
        return started.getBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user.equals("admin") ? OpsflowSpringTest.ADMIN_PASSWORD : TestIdentities.PASSWORD);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
