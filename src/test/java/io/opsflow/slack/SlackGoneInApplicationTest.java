package io.opsflow.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.slack.SlackContracts.PATH;
import static io.opsflow.slack.SlackContracts.SECRET;
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;
import io.opsflow.retry.PermanentFault;

/**
 * In the application: a webhook found gone inside an engine command (as in a job, whose transaction
 * then rolls back) stays marked in the database, gets no further request, and has one repair task;
 * saving the entry unchanged does nothing, changing its Slack setting closes the task and lets the
 * next notice through.
 */
@OpsflowSpringTest
class SlackGoneInApplicationTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String VARIABLE = "OPSFLOW_SLACK_GONEAPP_WEBHOOK";
    private static final String NEW_VARIABLE = "OPSFLOW_SLACK_GONEAPP_NEW_WEBHOOK";
    private static final Customer CUSTOMER = new Customer("goneapp", "Gone App K.K.", "ja", null, null, null,
            new Customer.Slack(VARIABLE), Map.of(), null);
    private static final Customer REPAIRED = new Customer("goneapp", "Gone App K.K.", "ja", null, null, null,
            new Customer.Slack(NEW_VARIABLE), Map.of(), null);
    private static final SlackProperties PROPERTIES =
            new SlackProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), SlackContracts.FAST_RETRY);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CustomerRegistry registry;
    @Autowired
    DestinationStore store;
    @Autowired
    DestinationGoneListener goneListener;

    @AfterEach
    void removeCustomer() {
        runtimeService.createProcessInstanceQuery().tenantIdIn(CUSTOMER.id()).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
        if (registry.find(CUSTOMER.id()).isPresent()) {
            registry.delete(CUSTOMER.id());
        }
    }

    @Test
    void aGoneWebhookOutlivesTheJobsRollbackHasOneTaskAndIsClearedByANewSlackSetting() {
        registry.save(CUSTOMER);
        WebhookSlackNotifier notifier = new WebhookSlackNotifier(new OutboundClient(WebClient.builder(), PROPERTIES,
                Timing.SYSTEM, store, goneListener), Map.of(VARIABLE, wireMock.baseUrl() + PATH,
                NEW_VARIABLE, wireMock.baseUrl() + PATH)::get);
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackError(410, "channel_is_archived")));

        Throwable first = inAJob(() -> notifier.notify(CUSTOMER, shortMessage()));
        Throwable second = inAJob(() -> notifier.notify(CUSTOMER, shortMessage()));

        // A second 410 for the same webhook name: the variable now holds another URL, itself of an archived channel.
        String otherPath = PATH.replace(SECRET, "an0therWebhookToken");
        wireMock.stubFor(post(urlEqualTo(otherPath)).willReturn(SlackFailureTest.slackError(410, "channel_is_archived")));
        WebhookSlackNotifier replaced = new WebhookSlackNotifier(new OutboundClient(WebClient.builder(), PROPERTIES,
                Timing.SYSTEM, store, goneListener), Map.of(VARIABLE, wireMock.baseUrl() + otherPath)::get);
        assertThat(inAJob(() -> replaced.notify(CUSTOMER, shortMessage()))).isInstanceOf(SlackRejectedException.class)
                .hasMessageNotContaining("is gone");
        wireMock.verify(1, postRequestedFor(urlEqualTo(otherPath)));

        assertThat(first).isInstanceOf(SlackRejectedException.class);
        assertThat(second).isInstanceOf(SlackRejectedException.class).hasMessageContaining("is gone");
        assertThat(PermanentFault.isPermanent(second)).isTrue();
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
        List<ProcessInstance> repairs = runtimeService.createProcessInstanceQuery().processDefinitionKey("destination-gone")
                .tenantIdIn(CUSTOMER.id()).list();
        assertThat(repairs).singleElement().extracting(ProcessInstance::getBusinessKey)
                .isEqualTo("destination:goneapp:Slack webhook " + VARIABLE);
        Task task = taskService.createTaskQuery().processInstanceId(repairs.get(0).getId()).singleResult();
        assertThat(task.getDescription()).contains("Gone App K.K.").contains(VARIABLE).doesNotContain(SECRET)
                .doesNotContain(wireMock.baseUrl());

        registry.save(CUSTOMER);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(repairs.get(0).getId()).count()).isOne();

        // The repair: a new webhook, in a new variable of the customer's entry (the same URL here: the stub decides).
        registry.save(REPAIRED);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(repairs.get(0).getId()).count()).isZero();
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(SlackFailureTest.slackOk()));
        assertThat(notifier.notify(REPAIRED, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    /** Runs {@code call} in an engine command and its transaction, as a job runs a delegate; returns what it threw. */
    private Throwable inAJob(Runnable call) {
        return catchThrowable(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(commandContext -> {
                    call.run();
                    return null;
                }));
    }
}
