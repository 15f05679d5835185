package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/** Customers A and B share one process definition; each operator reaches only their customer's work. */
@OpsflowSpringTest
class TenantIsolationTest {

    static final String PROCESS = "tenant-isolation-check";

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
    ObjectMapper json;

    ProcessInstance instanceOfA;
    ProcessInstance instanceOfB;

    @BeforeEach
    void twoCustomersWithOneTaskEach() {
        customers.save(new Customer("tenant-a", "顧客A", "ja", null, null, null, null, Map.of(), null));
        customers.save(new Customer("tenant-b", "Customer B", "en", null, null, null, null, Map.of(), null));
        identities.user("operator-a", List.of(Roles.OPERATORS_GROUP), List.of("tenant-a"));
        identities.user("operator-b", List.of(Roles.OPERATORS_GROUP), List.of("tenant-b"));
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1)
                    .startEvent().userTask("UserTask_Check").camundaCandidateGroups(Roles.OPERATORS_GROUP).endEvent().done()).deploy();
        }
        instanceOfA = runtimeService.startProcessInstanceByKey(PROCESS, Map.of(CustomerTenantIdProvider.CUSTOMER_ID, "tenant-a"));
        instanceOfB = runtimeService.startProcessInstanceByKey(PROCESS, Map.of(CustomerTenantIdProvider.CUSTOMER_ID, "tenant-b"));
    }

    @Test
    void instancesOfASharedDefinitionCarryTheCustomersTenant() {
        assertThat(instanceOfA.getTenantId()).isEqualTo("tenant-a");
        assertThat(taskOf(instanceOfB).getTenantId()).isEqualTo("tenant-b");
    }

    @Test
    void anOperatorSeesOnlyTheirCustomersTasksThroughEngineRest() throws Exception {
        JsonNode tasks = json.readTree(asOperatorA().getForObject("/engine-rest/task?processDefinitionKey=" + PROCESS, String.class));
        assertThat(tasks.findValuesAsText("tenantId")).isNotEmpty().containsOnly("tenant-a");
        assertThat(tasks.findValuesAsText("processInstanceId")).contains(instanceOfA.getId()).doesNotContain(instanceOfB.getId());

        assertThat(asOperatorA().getForEntity("/engine-rest/task/" + taskOf(instanceOfB).getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(asOperatorA().getForObject("/engine-rest/process-instance?processDefinitionKey=" + PROCESS, String.class))
                .findValuesAsText("id")).doesNotContain(instanceOfB.getId());
    }

    @Test
    void anOperatorCannotCompleteAnotherCustomersTask() {
        Task taskOfB = taskOf(instanceOfB);
        ResponseEntity<String> attempt = asOperatorA().postForEntity("/engine-rest/task/" + taskOfB.getId() + "/complete", jsonBody("{}"), String.class);
        assertThat(attempt.getStatusCode()).as(attempt.toString()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(taskOfB.getId()).count()).isOne();

        ResponseEntity<String> own = asOperatorA().postForEntity("/engine-rest/task/" + taskOf(instanceOfA).getId() + "/complete", jsonBody("{}"), String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOfA.getId()).count()).isZero();

        ResponseEntity<String> byB = rest.withBasicAuth("operator-b", TestIdentities.PASSWORD)
                .postForEntity("/engine-rest/task/" + taskOfB.getId() + "/complete", jsonBody("{}"), String.class);
        assertThat(byB.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private TestRestTemplate asOperatorA() {
        return rest.withBasicAuth("operator-a", TestIdentities.PASSWORD);
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
