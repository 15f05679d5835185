package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.i18n.LocaleContextHolder;

import io.opsflow.azure.AzureResources;
import io.opsflow.azure.MonitorMetrics;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.zabbix.ZabbixMonitoring;

/**
 * design-handover from the operations review's agreement to go-live, on a bare engine: the real
 * delegates and task listeners around mocked ports (Azure Monitor and Zabbix apply, the
 * pre-operation test, the registry, the onboarding store) and a stand-in runbook-job process. The
 * package is the README's sample for the sandbox demo customer: eight Azure items and one Zabbix item.
 */
@Deployment(resources = {"processes/handover/design-handover.bpmn", "processes/handover/design-handover-package.form",
        "processes/handover/design-handover-revise.form", "processes/handover/design-handover-review.form",
        "processes/handover/design-handover-apply.form", "processes/handover/design-handover-zabbix-import.form",
        "processes/handover/design-handover-account-failed.form", "processes/handover/design-handover-test-failed.form",
        "processes/handover/design-handover-go-live.form"})
class DesignHandoverGoLiveProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String SUB = "00000000-0000-4000-8000-000000000001";
    static final String GROUP = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final Customer DEMO = new Customer("demo", "デモ株式会社", "ja",
            new Customer.Azure("9a8b7c6d-0000-4000-8000-000000000001", List.of(SUB), null, null), null, null, null,
            Map.of("P1", new Customer.SlaTarget(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8))), null);
    static final String SLA = "P1: {acknowledge: PT15M, identifyCause: PT1H, resolve: PT4H}\nP2: {acknowledge: PT30M, identifyCause: PT2H, resolve: PT8H}";
    static final MonitoringChange AG_CREATE = new MonitoringChange("azure", "actionGroup", "ag-demo-opsflow", null, MonitoringChange.Action.CREATE, List.of());
    static final MonitoringChange CPU_UPDATE = new MonitoringChange("azure", "metricAlert", "opsflow-demo-web01-cpu", "Web01 CPU使用率",
            MonitoringChange.Action.UPDATE, List.of("threshold: 80 → 90"));
    static final MonitoringChange CPU_SAME = new MonitoringChange("azure", "metricAlert", "opsflow-demo-web01-cpu", "Web01 CPU使用率",
            MonitoringChange.Action.UNCHANGED, List.of());
    static final MonitoringChange TRIGGER_CREATE = new MonitoringChange("zabbix", "zabbixTrigger", "ファイルサーバー D ドライブ使用率",
            "ファイルサーバー D ドライブ使用率", MonitoringChange.Action.CREATE, List.of());

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final AzureResources resources = mock(AzureResources.class);
    final MonitorMetrics metrics = mock(MonitorMetrics.class);
    final Onboarding onboarding = mock(Onboarding.class);
    final MonitoringDesign azure = mock(MonitoringDesign.class);
    final ZabbixMonitoring zabbix = mock(ZabbixMonitoring.class);
    final PreOperationTest preop = mock(PreOperationTest.class);
    final AtomicReference<Onboarding.AgreedDesign> agreement = new AtomicReference<>();
    final Deque<String> runbookOutcomes = new ArrayDeque<>();
    final List<String> runbookParameters = new ArrayList<>();
    RuntimeService runtime;
    TaskService tasks;
    IdentityService identity;

    /** Stands in for runbook-job: records the parameters, answers the next outcome. */
    public class RunbookStub {
        public void run(DelegateExecution execution) {
            runbookParameters.add((String) execution.getVariable("runbookParameters") + " " + execution.getVariable("runbook"));
            execution.setVariable("runbookJobOutcome", runbookOutcomes.isEmpty() ? "Completed" : runbookOutcomes.pop());
        }
    }

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        identity = engine.getIdentityService();
        engine.getRepositoryService().createDeployment().addModelInstance("runbook-job.bpmn", Bpmn.createExecutableProcess("runbook-job")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaExpression("${runbookStub.run(execution)}").endEvent().done()).deploy();
        if (identity.createTenantQuery().tenantId("demo").count() == 0) {
            identity.saveTenant(identity.newTenant("demo"));
            identity.saveGroup(identity.newGroup("operators"));
        }
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        when(customers.find(anyString())).thenReturn(Optional.empty());
        when(customers.find("demo")).thenReturn(Optional.of(DEMO));
        when(resources.resourceExists(any(), anyString())).thenReturn(true);
        when(metrics.definedMetrics(any(), anyString())).thenReturn(Optional.of(Set.of("Percentage CPU", "Http5xx", "dtu_consumption_percent")));
        doAnswer(call -> {
            agreement.set(call.getArgument(1));
            return null;
        }).when(onboarding).agree(eq("demo"), any());
        when(onboarding.agreed("demo")).thenAnswer(call -> Optional.ofNullable(agreement.get()));
        when(azure.plan(eq(DEMO), anyList())).thenReturn(List.of(AG_CREATE, CPU_UPDATE));
        when(zabbix.reachable(DEMO)).thenReturn(true);
        when(zabbix.plan(eq(DEMO), anyList())).thenReturn(List.of(TRIGGER_CREATE));
        when(preop.fire(eq(DEMO), any(), anyString())).thenAnswer(call -> {
            MonitoringItem item = call.getArgument(1);
            return new PreOperationTest.FiredTest(item.name(), call.getArgument(2) + "/" + item.row(), ClockUtil.getCurrentTime().toInstant(), null);
        });
        when(preop.incident(eq(DEMO), any())).thenAnswer(call -> {
            PreOperationTest.FiredTest fired = call.getArgument(1);
            return Optional.of(new PreOperationTest.TestIncident("INC" + (1000 + fired.item().length()), "sys" + fired.item().hashCode(),
                    fired.firedAt().plusSeconds(42)));
        });

        var messages = MessagesFixture.messages(customers);
        AgreedItems agreed = new AgreedItems(onboarding);
        Mocks.register("checkHandoverPackageDelegate",
                new CheckHandoverPackageDelegate(customers, new MonitoringItemsCheck(resources, metrics), messages));
        Mocks.register("describeHandoverTaskListener", new DescribeHandoverTaskListener(customers, messages));
        Mocks.register("checkOperationsReviewTaskListener", new CheckOperationsReviewTaskListener());
        Mocks.register("checkHandoverCustomerListener", new CheckHandoverCustomerListener(customers));
        Mocks.register("checkHandoverDecisionTaskListener", new CheckHandoverDecisionTaskListener());
        Mocks.register("checkGoLiveApprovalTaskListener", new CheckGoLiveApprovalTaskListener());
        Mocks.register("recordAgreedDesignDelegate", new RecordAgreedDesignDelegate(onboarding));
        Mocks.register("planMonitoringDelegate", new PlanMonitoringDelegate(customers, agreed, azure, zabbix, messages));
        Mocks.register("applyMonitoringDelegate", new ApplyMonitoringDelegate(customers, agreed, azure, zabbix));
        Mocks.register("prepareOperatorAccountsDelegate", new PrepareOperatorAccountsDelegate());
        Mocks.register("addOpsflowOperatorsDelegate", new AddOpsflowOperatorsDelegate(identity));
        Mocks.register("firePreOperationTestsDelegate", new FirePreOperationTestsDelegate(customers, agreed, preop,
                new HandoverProperties(Duration.ofMinutes(10), Duration.ofSeconds(30), null, null, null), messages));
        Mocks.register("collectPreOperationResultsDelegate", new CollectPreOperationResultsDelegate(customers, preop, messages));
        Mocks.register("goLiveDelegate", new GoLiveDelegate(customers, onboarding));
        Mocks.register("runbookStub", new RunbookStub());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCleanPackageIsAgreedAppliedTestedAndTheCustomerGoesLive() throws IOException {
        ProcessInstance instance = agreedPackage();

        assertThat(agreement.get().pendingSla()).containsOnlyKeys("P1", "P2");
        assertThat(agreement.get().operationScenarios()).isEqualTo("障害時は担当者へ電話、月次で定例報告");
        assertThat(instance).isWaitingAt("ServiceTask_PlanMonitoring");
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_ApproveMonitoringChanges").variables().containsEntry(MONITORING_CHANGES_PENDING, true)
                .containsEntry(ZABBIX_IMPORT_NEEDED, false);
        assertThat(changes(instance)).containsExactly(
                "作成: アクション グループ「ag-demo-opsflow」",
                "変更: メトリック アラート「opsflow-demo-web01-cpu」(監視項目「Web01 CPU使用率」): threshold: 80 → 90",
                "作成: Zabbix トリガー「ファイルサーバー D ドライブ使用率」(監視項目「ファイルサーバー D ドライブ使用率」)");
        Task approval = task(instance);
        assertThat(approval.getName()).isEqualTo("監視設定の変更承認 · デモ株式会社");
        String fingerprint = (String) runtime.getVariable(instance.getId(), MONITORING_PLAN_FINGERPRINT);
        tasks.complete(approval.getId(), Map.of(APPLY_DECISION, APPLY));

        execute(job(instance));
        verify(azure).apply(eq(DEMO), anyList(), eq(fingerprint.split("/")[0]));
        verify(zabbix).apply(eq(DEMO), anyList());

        assertThat(runbookParameters).containsExactly(
                "{\"UserPrincipalName\":\"taro.yamada@demo.example.jp\",\"GroupObjectId\":\"" + GROUP + "\"} Add-OperatorAccount",
                "{\"UserPrincipalName\":\"hanako.sato@demo.example.jp\",\"GroupObjectId\":\"" + GROUP + "\"} Add-OperatorAccount");
        assertThat(instance).isWaitingAt("ServiceTask_AddOpsflowOperators");
        execute(job(instance));
        assertThat(identity.createUserQuery().memberOfTenant("demo").list()).extracting(u -> u.getId())
                .containsExactlyInAnyOrder("taro.yamada@demo.example.jp", "hanako.sato@demo.example.jp");
        assertThat(identity.createUserQuery().memberOfGroup("operators").count()).isEqualTo(2);

        execute(job(instance));
        verify(preop, times(9)).fire(eq(DEMO), any(), eq(instance.getId() + "-1"));
        assertThat(instance).isWaitingAt("IntermediateCatchEvent_PreOperationTestWait");
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_RecordGoLiveApproval").variables().containsEntry(PRE_OPERATION_PASSED, true);
        assertThat(results(instance)).hasSize(9).allSatisfy(row -> assertThat(row).containsEntry("status", "合格").containsEntry("seconds", "42"));
        assertThat(results(instance).get(0)).containsEntry("item", "Web01 CPU使用率").containsEntry("incident", "INC1012");
        Task goLive = task(instance);
        assertThatThrownBy(() -> tasks.complete(goLive.getId(), Map.of(CUSTOMER_APPROVED, false, CUSTOMER_APPROVED_BY, "山田")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("the customer's approval");
        verify(onboarding, never()).goLive(anyString());
        tasks.complete(goLive.getId(), Map.of(CUSTOMER_APPROVED, true, CUSTOMER_APPROVED_BY, "デモ株式会社 情報システム部 山田"));

        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_CustomerLive");
        verify(onboarding).goLive("demo");
        verify(customers).save(org.mockito.ArgumentMatchers.argThat(saved -> saved.sla().get("P1").acknowledge().equals(Duration.ofMinutes(15))
                && saved.sla().size() == 2));
    }

    @Test
    void reApplyingWhatIsAlreadyThereAsksNobodyAndWritesNothing() throws IOException {
        when(azure.plan(eq(DEMO), anyList())).thenReturn(List.of(CPU_SAME));
        when(zabbix.plan(eq(DEMO), anyList())).thenReturn(List.of());
        ProcessInstance instance = agreedPackage();
        execute(job(instance));

        assertThat(instance).hasPassed("ServiceTask_PlanMonitoring").hasNotPassed("UserTask_ApproveMonitoringChanges", "ServiceTask_ApplyMonitoring");
        assertThat(changes(instance)).containsExactly("変更なし 1 件");
        verify(azure, never()).apply(any(), anyList(), anyString());
        verify(zabbix, never()).apply(any(), anyList());
    }

    @Test
    void aPlanThatChangedSinceTheApprovalIsPlannedAndApprovedAgain() throws IOException {
        ProcessInstance instance = agreedPackage();
        execute(job(instance));
        when(azure.apply(eq(DEMO), anyList(), anyString())).thenThrow(new MonitoringDesign.PlanChanged("demo", List.of(CPU_UPDATE)))
                .thenReturn(List.of());
        tasks.complete(task(instance).getId(), Map.of(APPLY_DECISION, APPLY));
        execute(job(instance));

        assertThat(instance).hasPassed("BoundaryEvent_MonitoringPlanChanged").isWaitingAt("ServiceTask_PlanMonitoring");
        execute(job(instance));
        assertThat(instance).isWaitingAt("UserTask_ApproveMonitoringChanges");
        verify(zabbix, never()).apply(any(), anyList());
    }

    @Test
    void aRejectedChangeGoesBackToTheDesignTeamWithTheReason() throws IOException {
        ProcessInstance instance = agreedPackage();
        execute(job(instance));
        Task approval = task(instance);
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(APPLY_DECISION, REJECT)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of()))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Choose a decision");

        tasks.complete(approval.getId(), Map.of(APPLY_DECISION, REJECT, REVIEW_COMMENT, "CPU の閾値は 80% のままにしてください"));
        assertThat(instance).isWaitingAt("UserTask_RevisePackage");
        assertThat(task(instance).getDescription()).isEqualTo("CPU の閾値は 80% のままにしてください");
        verify(azure, never()).apply(any(), anyList(), anyString());
    }

    @Test
    void aPreOperationTestWithOneItemNotArrivingBlocksGoLiveUntilARetestPasses() throws IOException {
        when(preop.incident(eq(DEMO), any())).thenAnswer(call -> {
            PreOperationTest.FiredTest fired = call.getArgument(1);
            boolean lost = fired.item().equals("ショップ HTTP 5xx") && fired.alertId().contains("-1/");
            return lost ? Optional.empty() : Optional.of(new PreOperationTest.TestIncident("INC2000", "sys", fired.firedAt().plusSeconds(30)));
        });
        ProcessInstance instance = appliedAndAccountsAdded();
        execute(job(instance));
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("IntermediateCatchEvent_PreOperationTestWait").variables().containsEntry(PRE_OPERATION_DONE, false);
        assertThat(row(instance, "ショップ HTTP 5xx")).containsEntry("status", "待ち").containsEntry("incident", "");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(11))));
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_ReviewPreOperationFailures").variables().containsEntry(PRE_OPERATION_PASSED, false);
        assertThat(row(instance, "ショップ HTTP 5xx")).containsEntry("status", "未着");
        assertThat(row(instance, "Web01 CPU使用率")).containsEntry("status", "合格").containsEntry("incident", "INC2000");
        verify(onboarding, never()).goLive(anyString());

        tasks.complete(task(instance).getId(), Map.of(PRE_OPERATION_DECISION, RETEST));
        execute(job(instance));
        verify(preop, times(9)).fire(eq(DEMO), any(), eq(instance.getId() + "-2"));
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt("UserTask_RecordGoLiveApproval");
        assertThat(row(instance, "ショップ HTTP 5xx")).containsEntry("status", "合格");
    }

    @Test
    void aFailedOperatorAccountJobAsksAnOperatorWhoRetriesIt() throws IOException {
        runbookOutcomes.add("Failed");
        ProcessInstance instance = agreedPackage();
        execute(job(instance));
        tasks.complete(task(instance).getId(), Map.of(APPLY_DECISION, APPLY));
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_RepairOperatorAccount");
        assertThat(task(instance).getName()).isEqualTo("運用者アカウント追加の失敗 · デモ株式会社");
        assertThat(tasks.getVariable(task(instance).getId(), "operatorAccount")).as("the form's operator")
                .isEqualTo("taro.yamada@demo.example.jp");
        tasks.complete(task(instance).getId(), Map.of("accountDecision", "retry"));

        assertThat(runbookParameters).hasSize(3);
        assertThat(runbookParameters.get(1)).isEqualTo(runbookParameters.get(0));
        assertThat(instance).isWaitingAt("ServiceTask_AddOpsflowOperators");
    }

    @Test
    void aZabbixWithoutApiGetsAnImportFileAnOperatorImports() throws IOException {
        when(zabbix.reachable(DEMO)).thenReturn(false);
        ProcessInstance instance = agreedPackage();
        execute(job(instance));
        assertThat(instance).variables().containsEntry(ZABBIX_IMPORT_NEEDED, true);
        assertThat(changes(instance)).hasSize(2);
        tasks.complete(task(instance).getId(), Map.of(APPLY_DECISION, APPLY));
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_ImportZabbixFile");
        verify(zabbix, never()).plan(any(), anyList());
        verify(zabbix, never()).apply(any(), anyList());
        tasks.complete(task(instance).getId(), Map.of("zabbixImported", true));
        assertThat(instance).hasPassed("SubProcess_AddOperatorAccounts");
    }

    @Test
    void badSlaTargetsAndOperatorsGoBackToTheDesignTeamWithTheListsProblems() throws IOException {
        Map<String, Object> variables = new HashMap<>(pkg(sample()));
        variables.put(SLA_TARGETS, "P1: {acknowledge: PT2H, identifyCause: PT1H, resolve: 4 時間}\nP9: {}");
        variables.put(OPERATOR_ACCOUNTS, "taro.yamada\no'brien@demo.example.jp\n");
        variables.remove(OPERATOR_GROUP_OBJECT_ID);
        ProcessInstance instance = runtime.createProcessInstanceByKey(KEY).businessKey("demo").setVariables(variables).execute();
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_RevisePackage");
        assertThat(problems(instance)).containsExactlyInAnyOrder(
                "SLA 目標 P1 の resolve「4 時間」は ISO-8601 の期間ではありません (例: PT15M, PT4H, P1D)",
                "SLA 目標の優先度「P9」が不明です (P1〜P4)",
                "運用者「taro.yamada」はユーザー プリンシパル名 (例: taro.yamada@contoso.co.jp) ではありません",
                "運用者「o'brien@demo.example.jp」はユーザー プリンシパル名 (例: taro.yamada@contoso.co.jp) ではありません");
    }

    private ProcessInstance agreedPackage() throws IOException {
        ProcessInstance instance = runtime.createProcessInstanceByKey(KEY).businessKey("demo").setVariables(pkg(sample())).execute();
        execute(job(instance));
        assertThat(instance).isWaitingAt("UserTask_ReviewOperations");
        tasks.complete(task(instance).getId(), Map.of(REQUIREMENTS_FEASIBLE, true, DESIGN_REVIEWED, true, SCENARIOS_AGREED, true,
                REVIEW_DECISION, AGREE));
        return instance;
    }

    private ProcessInstance appliedAndAccountsAdded() throws IOException {
        ProcessInstance instance = agreedPackage();
        execute(job(instance));
        tasks.complete(task(instance).getId(), Map.of(APPLY_DECISION, APPLY));
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt("ServiceTask_FirePreOperationTests");
        return instance;
    }

    private static Map<String, Object> pkg(String items) {
        Map<String, Object> values = new HashMap<>(Map.of(CUSTOMER_ID, "demo", DESIGN_SUMMARY, "Web 3 台と SQL Database",
                SERVICE_REQUIREMENTS, "利用者 500 名", TECHNICAL_REQUIREMENTS, "P1 の原因特定 1 時間以内", ENVIRONMENT, "rg-demo-prod",
                MONITORING_ITEMS, items, MONITORING_ITEMS_FORMAT, "csv", SLA_TARGETS, SLA,
                OPERATION_SCENARIOS, "障害時は担当者へ電話、月次で定例報告", OPERATOR_ACCOUNTS, "taro.yamada@demo.example.jp\nhanako.sato@demo.example.jp\n"));
        values.put(OPERATOR_GROUP_OBJECT_ID, GROUP);
        return values;
    }

    private static String sample() throws IOException {
        return Files.readString(Path.of("docs/samples/monitoring-items-demo.csv"), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<String> changes(ProcessInstance instance) {
        return (List<String>) runtime.getVariable(instance.getId(), MONITORING_CHANGES);
    }

    @SuppressWarnings("unchecked")
    private List<String> problems(ProcessInstance instance) {
        return (List<String>) runtime.getVariable(instance.getId(), PACKAGE_PROBLEMS);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> results(ProcessInstance instance) {
        return (List<Map<String, Object>>) runtime.getVariable(instance.getId(), PRE_OPERATION_RESULTS);
    }

    private Map<String, Object> row(ProcessInstance instance, String item) {
        return results(instance).stream().filter(r -> item.equals(r.get("item"))).findFirst().orElseThrow();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
