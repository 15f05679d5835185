package io.opsflow.outbound.destinations;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.CustomerSaved;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.outbound.Destination;
import io.opsflow.outbound.DestinationStore;

/**
 * The repair task of a gone destination on a bare engine: the real {@link DestinationGoneProcess}
 * and delegate around an in-memory store and a mocked registry.
 */
class DestinationGoneProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    private static final String SECRET_URL = "https://hooks.slack.test/services/T1/B2/s3cretWebhookToken4711";
    private static final String REASON = "HTTP 410 channel_is_archived";
    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final Customer ACME = new Customer("acme", "ACME Corporation", "ja-JP", null, null, null,
            new Customer.Slack("OPSFLOW_SLACK_ACME_WEBHOOK"), Map.of(), null);
    private static final Customer ACME_NEW_WEBHOOK = new Customer("acme", "ACME Corporation", "ja-JP", null, null, null,
            new Customer.Slack("OPSFLOW_SLACK_ACME_NEW_WEBHOOK"), Map.of(), null);

    private final CustomerRegistry registry = mock(CustomerRegistry.class);
    private final DestinationStore store = DestinationStore.inMemory();
    private final Destination webhook = Destination.secret("Slack", "acme", "webhook OPSFLOW_SLACK_ACME_WEBHOOK",
            URI.create(SECRET_URL));
    private DestinationGoneProcess process;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        when(registry.find("acme")).thenReturn(Optional.of(ACME));
        process = new DestinationGoneProcess(engine.getRuntimeService(), registry, store, Runnable::run);
        Mocks.register("clearDestinationGoneDelegate", new ClearDestinationGoneDelegate(store));
        Mocks.register("describeDestinationTaskListener", new DescribeDestinationTaskListener(MessagesFixture.messages(registry)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void markGone() {
        store.markGone(webhook, Instant.parse("2026-11-24T01:58:00Z"), REASON, 410, "channel_is_archived");
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void oneTaskForTheOperatorsOfTheCustomerNamingTheDestinationNeverItsUrl() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        markGone();
        process.destinationGone(webhook, REASON);
        process.destinationGone(webhook, REASON);

        List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("destination-gone").list();
        org.assertj.core.api.Assertions.assertThat(instances).singleElement().satisfies(instance -> {
            org.assertj.core.api.Assertions.assertThat(instance.getBusinessKey())
                    .isEqualTo("destination:acme:Slack webhook OPSFLOW_SLACK_ACME_WEBHOOK");
            org.assertj.core.api.Assertions.assertThat(instance.getTenantId()).isEqualTo("acme");
        });
        ProcessInstance instance = instances.get(0);
        assertThat(instance).isWaitingAt("UserTask_RepairDestination");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(task.getDescription())
                .isEqualTo("ACME Corporation: Slack webhook OPSFLOW_SLACK_ACME_WEBHOOK (" + REASON + ")");
        org.assertj.core.api.Assertions.assertThat(task.getName())
                .isEqualTo("宛先の修復 · ACME Corporation · Slack webhook OPSFLOW_SLACK_ACME_WEBHOOK");
        org.assertj.core.api.Assertions.assertThat(task.getPriority()).isEqualTo(70);
        org.assertj.core.api.Assertions.assertThat(task.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
        org.assertj.core.api.Assertions.assertThat(task.getTenantId()).isEqualTo("acme");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId).containsExactly("operators");
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        org.assertj.core.api.Assertions.assertThat(variables).containsEntry("customerId", "acme")
                .containsEntry("customerName", "ACME Corporation").containsEntry("destinationSystem", "Slack")
                .containsEntry("destinationName", "webhook OPSFLOW_SLACK_ACME_WEBHOOK")
                .containsEntry("goneReason", REASON);
        org.assertj.core.api.Assertions.assertThat(variables.toString() + task.getName() + task.getDescription())
                .doesNotContain("s3cretWebhookToken4711").doesNotContain("hooks.slack.test");
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void changingTheCustomersSlackSettingClearsTheMarkAndClosesTheTask() {
        markGone();
        process.destinationGone(webhook, REASON);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("destination-gone").singleResult();

        process.registryEntrySaved(new CustomerSaved(ACME, ACME_NEW_WEBHOOK));

        assertThat(instance).isEnded().hasPassed("BoundaryEvent_RegistryEntryChanged", "EndEvent_RegistryEntryChanged")
                .hasNotPassed("ServiceTask_ClearGoneMark");
        org.assertj.core.api.Assertions.assertThat(store.read(webhook.key()).orElseThrow().goneSince()).isNull();
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void savingTheEntryAsItWasChangesNothing() {
        markGone();
        process.destinationGone(webhook, REASON);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("destination-gone").singleResult();

        process.registryEntrySaved(new CustomerSaved(ACME, ACME));

        assertThat(instance).isWaitingAt("UserTask_RepairDestination");
        org.assertj.core.api.Assertions.assertThat(store.read(webhook.key()).orElseThrow().goneSince()).isNotNull();
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void completingTheTaskClearsTheMarkSoTheNextCallTriesAgain() {
        markGone();
        process.destinationGone(webhook, REASON);
        TaskService taskService = engine.getTaskService();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("destination-gone").singleResult();
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        taskService.complete(task.getId(), Map.of("repairNote", "新しい Webhook を設定 / new webhook set"));

        assertThat(instance).isEnded().hasPassedInOrder("UserTask_RepairDestination", "ServiceTask_ClearGoneMark",
                        "EndEvent_DestinationRepaired");
        org.assertj.core.api.Assertions.assertThat(store.read(webhook.key()).orElseThrow().goneSince()).isNull();
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void aDestinationOwnedByNoCustomerStartsNoTask() {
        process.destinationGone(Destination.of("ServiceNow", "https://example.service-now.com"), "HTTP 410");

        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    @Deployment(resources = {"processes/outbound/destination-gone.bpmn", "processes/outbound/destination-gone.form"})
    void theTaskFormIsTheDeployedCamundaForm() throws Exception {
        markGone();
        process.destinationGone(webhook, REASON);
        Task task = engine.getTaskService().createTaskQuery().processDefinitionKey("destination-gone").singleResult();
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            org.assertj.core.api.Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"key\": \"destinationName\"").contains("宛先 / Destination");
        }
    }
}
