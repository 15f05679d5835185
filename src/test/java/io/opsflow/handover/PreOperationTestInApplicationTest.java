package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.incident.IncidentVariables;
import io.opsflow.messages.Messages;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.TableQuery;
import io.opsflow.webhook.WebhookProperties;

/**
 * The pre-operation test in the whole application (sandbox mode): a fired test alert goes through the
 * real webhook with the demo customer's token, the incident process and the ServiceNow simulator, and
 * arrives as a test incident that pages nobody; an ordinary alert of a customer not live yet does too.
 */
@OpsflowSpringTest
class PreOperationTestInApplicationTest {

    static final String SUB = "00000000-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;
    @Autowired
    WebClient.Builder webClientBuilder;
    @Autowired
    HandoverProperties properties;
    @Autowired
    WebhookProperties webhooks;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    Messages messages;
    @Autowired
    Environment environment;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    Onboarding onboarding;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Test
    void aFiredMetricTestArrivesThroughTheRealWebhookAsATestIncidentThatPagesNobody() {
        Customer demo = customers.find("demo").orElseThrow();
        MonitoringItem item = new MonitoringItem(2, "Web01 CPU使用率", MonitoringKind.METRIC, new MonitoringTarget.AzureScope(
                "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01", SUB,
                "Microsoft.Compute/virtualMachines"), "Percentage CPU", MetricAggregation.AVERAGE, ComparisonOperator.GREATER_THAN, null,
                Severity.SEV1, null, null, null, URI.create("https://wiki.demo.example.jp/ops/vm-cpu"), null, null);
        // Pointed at this application's random port: in production the intake's opsflow-url.
        PreOperationTest test = new PreOperationTest(new OutboundClient(webClientBuilder, properties), "http://localhost:" + port,
                webhooks.zabbix().timeZone(), servicenow, messages, environment::getProperty, Clock.systemUTC());
        String run = "preop-e2e-" + UUID.randomUUID();

        PreOperationTest.FiredTest fired = test.fire(demo, item, run);
        PreOperationTest.TestIncident arrived = await().atMost(Duration.ofSeconds(60))
                .until(() -> test.incident(demo, fired), Optional::isPresent).orElseThrow();

        Incident incident = servicenow.getIncident(arrived.sysId());
        assertThat(incident.shortDescription()).startsWith("【試験】[Azure Monitor] Sev1 Web01 CPU使用率 fired on vm-demo-web01");
        assertThat(incident.impact()).isEqualTo("3");
        assertThat(incident.urgency()).isEqualTo("3");
        await().atMost(Duration.ofSeconds(30)).until(() -> workNotes(arrived.sysId()).stream().anyMatch(n -> n.contains("誰も呼び出していません")));

        // Resolved by opsflow at once: the instance may be over already, so read it from the history.
        String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("incident-coordination")
                .processInstanceBusinessKey(fired.alertId()).singleResult().getId();
        assertThat(variable(instance, IncidentVariables.TEST_ALERT)).isEqualTo(true);
        assertThat(variable(instance, IncidentVariables.MONITORING_ITEM)).isEqualTo("Web01 CPU使用率");
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .completed().count() == 1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("UserTask_Resolve").count())
                .as("no task for anyone: the arrival is the test").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("BoundaryEvent_AcknowledgeSlaMissed")
                .count()).as("no SLA timer").isZero();
        assertThat(servicenow.getIncident(arrived.sysId()).state().isOver()).as("resolved by opsflow").isTrue();

        List<Map<String, Object>> table = PreOperationTest.resultsTable(List.of(fired), Map.of(fired.alertId(), arrived),
                messages.forCustomer(demo));
        assertThat(table.get(0)).containsEntry("item", "Web01 CPU使用率").containsEntry("result", arrived.number());
        assertThat((Long) table.get(0).get("seconds")).isBetween(0L, 60L);
    }

    private Object variable(String instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name).singleResult().getValue();
    }

    @Test
    void anOrdinaryAlertOfTheCustomerBeforeGoLiveIsATestIncidentToo() throws Exception {
        ObjectNode alert = (ObjectNode) json.readTree(Files.readAllBytes(Path.of("docs/samples/azure-monitor-alert-demo.json")));
        String alertId = "/subscriptions/" + SUB + "/providers/Microsoft.AlertsManagement/alerts/" + UUID.randomUUID();
        ((ObjectNode) alert.at("/data/essentials")).put("alertId", alertId).put("alertRule", "demo-before-go-live");
        // As the intake leaves a new customer: onboarding (a live customer, as another test may have left demo, stays live).
        jdbc.update("delete from opsflow_customer_onboarding where customer_id = 'demo'");
        onboarding.begin("demo");
        try {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = rest.postForEntity("/webhooks/azure-monitor/demo?token=test-only-azure-monitor-token",
                    new HttpEntity<>(json.writeValueAsBytes(alert), headers), String.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> servicenow.findIncidentByCorrelationId(alertId),
                    Optional::isPresent).orElseThrow();
            assertThat(incident.shortDescription()).startsWith("【試験】[Azure Monitor] Sev2 demo-before-go-live");
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("incident-coordination")
                    .processInstanceBusinessKey(alertId).singleResult();
            assertThat(runtime.getVariable(instance.getId(), IncidentVariables.TEST_ALERT)).isEqualTo(true);
            assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        } finally {
            // The demo customer pages again for the tests after this one.
            onboarding.goLive("demo");
        }
    }

    private List<String> workNotes(String sysId) {
        return servicenow.query(new TableQuery("sys_journal_field", "element_id=" + sysId, List.of("value")))
                .stream().map(r -> r.value("value")).toList();
    }
}
