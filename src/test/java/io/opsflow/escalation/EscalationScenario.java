package io.opsflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatcher;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.SupportCatalog;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportCommunications.Communication;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.slack.SlackNotifier;

/**
 * The escalation's world for its process tests: ACME's incident INC0010042 on a VM, Microsoft's catalogue,
 * mocked Azure, ServiceNow and Slack behind the real delegates, the engine's clock at {@link #T0}, and the
 * steps that walk a ticket from its preparation to its relay. Registered per test as an extension after
 * the class's {@link ProcessEngineExtension}, whose engine it drives; fresh mocks for every test.
 */
final class EscalationScenario implements BeforeEachCallback, AfterEachCallback {

    static final String SUB = "00000000-1111-2222-3333-444444444444";
    static final String VM = "/subscriptions/" + SUB + "/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/virtualMachines/vm-acme-web01";
    static final Customer.Contact CONTACT = new Customer.Contact("太郎", "山田", "taro.yamada@acme.example.jp", List.of(), null,
            null, null, null, null);
    static final Customer ACME = new Customer("acme", "ACME株式会社", "ja",
            new Customer.Azure("72f988bf-86f1-41af-91ab-2d7cd011db47", List.of(SUB), null, new Customer.Credential("managed-identity", null, null)),
            new Customer.ServiceNow("8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f", "MSP Operations"), null, new Customer.Slack("ACME_SLACK"), Map.of(), null,
            new Customer.Support(Customer.SupportPlan.PROFESSIONAL_DIRECT, CONTACT, null, null));
    /** Microsoft's messages reach the customer's own view of the incident. */
    static final Customer GLOBEX = new Customer("globex", "Globex Ltd", "en", ACME.azure(), ACME.servicenow(), null, null, Map.of(), null,
            new Customer.Support(Customer.SupportPlan.UNIFIED, CONTACT, Customer.SupportRelay.COMMENT, null));
    static final String SERVICE_ID = "/providers/Microsoft.Support/services/6f16735c-b0ae-b275-ad3a-03479cfa1396";
    static final String CLASSIFICATION_ID = SERVICE_ID + "/problemClassifications/e1c2f4a8-7f7e-4b4f-9c1a-1f9e2c5d1e01";
    static final String STATUS_URL = "https://management.azure.com/providers/Microsoft.Support/operationsStatus/op-1?api-version=2024-04-01";
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    /** INC0010042, the incident every escalation here starts from. */
    private static final String INCIDENT_SYS_ID = "5f2e8c1a47d0b210a3c9e6f15d8b7a42";

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final SupportCatalog catalog = mock(SupportCatalog.class);
    final SupportTickets tickets = mock(SupportTickets.class);
    final SupportCommunications communications = mock(SupportCommunications.class);
    final ServiceNowClient servicenow = mock(ServiceNowClient.class);
    final SlackNotifier slack = mock(SlackNotifier.class);

    private final ProcessEngineExtension engine;

    EscalationScenario(ProcessEngineExtension engine) {
        this.engine = engine;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClockUtil.setCurrentTime(Date.from(T0));
        init(engine.getProcessEngine());
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(customers.find("globex")).thenReturn(Optional.of(GLOBEX));
        catalogueIn(ACME, Locale.JAPAN);
        catalogueIn(GLOBEX, Locale.US);
        when(tickets.checkName(any(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(tickets.create(any(), any())).thenAnswer(a -> new ArmSubmission<>(a.<SupportTickets.NewTicket>getArgument(1).name(), STATUS_URL, null));
        EscalationMocks.register(customers, catalog, tickets, communications, servicenow, slack);
        // The incident's own labelling listener is covered by the incident tests; here the task just has to exist.
        Mocks.register("describeIncidentTaskListener", (TaskListener) task -> { });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** Each customer's catalogue in its own language only: a read in another language finds nothing. */
    private void catalogueIn(Customer customer, Locale language) {
        ArgumentMatcher<Customer> of = asked -> asked != null && customer.id().equals(asked.id());
        when(catalog.services(argThat(of), eq(language))).thenReturn(List.of(
                new SupportCatalog.Service("/providers/Microsoft.Support/services/other", "other", "課金", List.of()),
                new SupportCatalog.Service(SERVICE_ID, "6f16735c-b0ae-b275-ad3a-03479cfa1396", "仮想マシン (Windows)",
                        List.of("Microsoft.Compute/virtualMachines"))));
        when(catalog.problemClassifications(argThat(of), eq("6f16735c-b0ae-b275-ad3a-03479cfa1396"), eq(language))).thenReturn(List.of(
                new SupportCatalog.ProblemClassification(CLASSIFICATION_ID, "e1c2f4a8", "VM に接続できない")));
    }

    RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    ManagementService management() {
        return engine.getManagementService();
    }

    ProcessInstance start(String customer, String priority) {
        return runtime().startProcessInstanceByKey("microsoft-support-escalation", "INC0010042", Map.of(
                "customerId", customer, "priority", priority, "summary", "VM が応答しない",
                "description", "Heartbeat が 5 分間途絶", "targetResource", VM, "targetResourceType", "microsoft.compute/virtualmachines",
                "serviceNowSysId", INCIDENT_SYS_ID, "serviceNowNumber", "INC0010042",
                "diagnosticNote", "診断: ディスク 100%"));
    }

    /** Confirmed and submitted: waiting for the first poll. */
    ProcessInstance prepared(String customer) {
        ProcessInstance escalation = start(customer, "P2");
        run(escalation, "ServiceTask_LoadSupportCatalog");
        complete(task(escalation), withVariables("supportProblemClassificationId", CLASSIFICATION_ID));
        run(escalation, "ServiceTask_CreateSupportTicket");
        return escalation;
    }

    /** Created, noted, relay started: the relay waiting for its first poll, ServiceNow's calls so far forgotten. */
    ProcessInstance openedTicket(String customer) {
        ProcessInstance escalation = prepared(customer);
        String name = (String) runtime().getVariable(escalation.getId(), "supportTicketName");
        doReturn(Optional.of(ticket(name, "Open", SupportTickets.Severity.MODERATE))).when(tickets).created(any(), any());
        poll(escalation);
        run(escalation, "ServiceTask_AddSupportTicketWorkNote");
        run(escalation, "ServiceTask_StartSupportRelay");
        clearInvocations(servicenow);
        return relay(name);
    }

    void acceptingMessages() {
        when(communications.checkName(any(), anyString(), anyString())).thenReturn(new SupportTickets.NameAvailability(true, null, null));
        when(communications.add(any(), anyString(), anyString(), anyString(), anyString(), any()))
                .thenAnswer(a -> new ArmSubmission<>(a.<String>getArgument(2), STATUS_URL, null));
    }

    /** The message instance the relay called. */
    ProcessInstance sentBy(ProcessInstance relay) {
        return runtime().createProcessInstanceQuery().superProcessInstanceId(relay.getId()).singleResult();
    }

    void pollMessage(ProcessInstance message) {
        run(message, "IntermediateCatchEvent_MessagePollDue");
        run(message, "ServiceTask_CheckMessageToMicrosoft");
    }

    ProcessInstance relay(String ticketName) {
        return runtime().createProcessInstanceQuery().processDefinitionKey("microsoft-support-relay").processInstanceBusinessKey(ticketName)
                .singleResult();
    }

    /** The poll timer fires and the check behind it runs. */
    void poll(ProcessInstance instance) {
        boolean relay = "microsoft-support-relay".equals(runtime().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId().split(":")[0]);
        run(instance, relay ? "IntermediateCatchEvent_RelayPollDue" : "IntermediateCatchEvent_SupportTicketPollDue");
        run(instance, relay ? "ServiceTask_RelayMicrosoftCommunications" : "ServiceTask_CheckSupportTicketCreated");
    }

    void run(ProcessInstance instance, String activityId) {
        Job job = management().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        management().executeJob(job.getId());
    }

    /** Everything written to INC0010042 since the mocks were last cleared. */
    List<IncidentUpdate> updates() {
        ArgumentCaptor<IncidentUpdate> update = ArgumentCaptor.forClass(IncidentUpdate.class);
        verify(servicenow, atLeast(0)).updateIncident(eq(INCIDENT_SYS_ID), update.capture(), any(NoteKey.class));
        return update.getAllValues();
    }

    List<IncidentUpdate> notes() {
        return updates().stream().filter(u -> u.workNotes() != null).toList();
    }

    static SupportTickets.Ticket ticket(String name, String status, SupportTickets.Severity severity) {
        return new SupportTickets.Ticket(name, "2612010010000001", "[INC0010042] VM が応答しない", severity, status, "仮想マシン (Windows)",
                "VM に接続できない", odt(T0.plus(Duration.ofHours(4))), null, odt(T0), odt(T0.plusSeconds(status.length())));
    }

    static Communication inbound(String name, String body, Instant created) {
        return new Communication(name, "RE: [INC0010042] VM が応答しない", body, "support@microsoft.com",
                SupportCommunications.Channel.WEB, SupportCommunications.Direction.INBOUND, odt(created));
    }

    static Communication outbound(String name) {
        return new Communication(name, "s", "-", "op@msp.example.jp", SupportCommunications.Channel.WEB,
                SupportCommunications.Direction.OUTBOUND, odt(T0));
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A second engine on the same database, as another node or the restarted application would be. */
    static ProcessEngine otherNode() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=1000")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("other-node");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        return configuration.buildProcessEngine();
    }
}
