package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/** The production database: the whole application boots on PostgreSQL 17 and runs processes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@Tag("own-context")
class PostgresIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestIdentities identities;

    @Test
    void bootsOnPostgresWithFlywayAndTheEngineSchema() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1' and success", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF where KEY_ = 'smoke-test'", Integer.class)).isOne();
    }

    @Test
    void theHealthCheckRunsTheSmokeTestProcess() {
        String health = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD).getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"smokeTest\":{\"status\":\"UP\"").contains("\"database\":\"PostgreSQL\"");
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'smoke-test' and END_TIME_ is not null",
                Integer.class)).isPositive();
    }

    @Test
    void aCustomersProcessRunsToATaskAndCompletesThroughEngineRest() {
        customers.save(new Customer("pg-customer", "PG顧客", "ja",
                new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of("ABCDEF00-1111-2222-3333-444444444444"), null,
                        new Customer.Credential("managed-identity", null, null)),
                null, null, null, Map.of(), null));
        assertThat(customers.findBySubscriptionId("abcdef00-1111-2222-3333-444444444444")).map(Customer::id).hasValue("pg-customer");
        identities.user("pg-operator", List.of(Roles.OPERATORS_GROUP), List.of("pg-customer"));
        repositoryService.createDeployment().addModelInstance("pg-check.bpmn", Bpmn.createExecutableProcess("pg-check")
                .camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Check").camundaCandidateGroups(Roles.OPERATORS_GROUP)
                .endEvent().done()).deploy();

        ProcessInstance instance = runtimeService.startProcessInstanceByKey("pg-check",
                Map.of(CustomerTenantIdProvider.CUSTOMER_ID, "pg-customer"));
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        assertThat(rest.withBasicAuth("pg-operator", TestIdentities.PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }
}
