package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.context.i18n.LocaleContextHolder;

import io.opsflow.azure.AzureResources;
import io.opsflow.azure.MonitorMetrics;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.messages.MessagesFixture;

/**
 * design-handover on a bare engine: the real check (parser and {@link MonitoringItemsCheck}) and task
 * listeners around mocked ARM ports and registry. The clean package is the README's sample for the
 * sandbox demo customer.
 */
@Deployment(resources = {"processes/handover/design-handover.bpmn", "processes/handover/design-handover-package.form",
        "processes/handover/design-handover-revise.form", "processes/handover/design-handover-review.form",
        "processes/handover/design-handover-apply.form"})
class DesignHandoverProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String SUB = "00000000-0000-4000-8000-000000000001";
    static final String VMS = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/";
    static final Customer DEMO = new Customer("demo", "デモ株式会社", "ja",
            new Customer.Azure("9a8b7c6d-0000-4000-8000-000000000001", List.of(SUB), null, null), null, null, null, Map.of(), null);
    static final Customer ACME = new Customer("acme", "ACME Corp.", "en",
            new Customer.Azure("9a8b7c6d-0000-4000-8000-000000000002", List.of(SUB), null, null), null, null, null, Map.of(), null);
    /** Japanese headers; row 2 an unknown VM, row 3 a metric VMs do not define, row 4 a threshold that is no number. */
    static final String FAULTY = "監視項目,対象,種別,条件,閾値,重要度\r\n"
            + "web99 CPU," + VMS + "vm-demo-web99,メトリック,Percentage CPU >,90%,警告\r\n"
            + "web01 CPU," + VMS + "vm-demo-web01,メトリック,Percentage CPUs >,90%,警告\r\n"
            + "web01 メモリ," + VMS + "vm-demo-web01,メトリック,Available Memory Bytes <,abc,警告\r\n";

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final AzureResources resources = mock(AzureResources.class);
    final MonitorMetrics metrics = mock(MonitorMetrics.class);
    final Onboarding onboarding = mock(Onboarding.class);
    RuntimeService runtime;
    TaskService tasks;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        when(customers.find(anyString())).thenReturn(Optional.empty());
        when(customers.find("demo")).thenReturn(Optional.of(DEMO));
        when(customers.find("acme")).thenReturn(Optional.of(ACME));
        when(resources.resourceExists(any(), anyString())).thenReturn(true);
        when(resources.resourceExists(any(), eq(VMS + "vm-demo-web99"))).thenReturn(false);
        when(metrics.definedMetrics(any(), anyString())).thenReturn(Optional.of(
                Set.of("Percentage CPU", "Available Memory Bytes", "Http5xx", "dtu_consumption_percent")));
        var messages = MessagesFixture.messages(customers);
        Mocks.register("checkHandoverPackageDelegate",
                new CheckHandoverPackageDelegate(customers, new MonitoringItemsCheck(resources, metrics), messages));
        Mocks.register("describeHandoverTaskListener", new DescribeHandoverTaskListener(customers, messages));
        Mocks.register("checkOperationsReviewTaskListener", new CheckOperationsReviewTaskListener());
        Mocks.register("checkHandoverCustomerListener", new CheckHandoverCustomerListener(customers));
        Mocks.register("recordAgreedDesignDelegate", new RecordAgreedDesignDelegate(onboarding));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCleanPackageGoesToTheCustomersOperatorsAndTheirAgreementIsKept() throws IOException {
        String sample = sample();
        ProcessInstance instance = start("demo", sample, "csv");
        assertThat(instance.getTenantId()).as("the customer's tenant").isEqualTo("demo");
        assertThat(instance).isWaitingAt("ServiceTask_CheckHandoverPackage");
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_ReviewOperations").variables().containsEntry(PACKAGE_CLEAN, true);
        assertThat(problems(instance)).isEmpty();
        Task review = task(instance);
        assertThat(review.getName()).isEqualTo("運用観点レビュー · デモ株式会社");
        assertThat(review.getTenantId()).isEqualTo("demo");
        assertThat(candidateGroups(review)).containsExactly("operators");
        verify(resources).resourceExists(DEMO, VMS + "vm-demo-web01");

        tasks.complete(review.getId(), agreed());
        assertThat(instance).isWaitingAt("ServiceTask_PlanMonitoring").hasPassed("ServiceTask_RecordAgreedDesign")
                .hasNotPassed("UserTask_RevisePackage");
        verify(onboarding).agree(eq("demo"), org.mockito.ArgumentMatchers.argThat(design -> design.monitoringItems().equals(sample)
                && design.monitoringItemsFormat().equals("csv")));
    }

    @Test
    void aPackageWithErrorsListsEachProblemForTheDesignTeamUntilItIsRevised() {
        ProcessInstance instance = start("demo", FAULTY, "csv");
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_RevisePackage").variables().containsEntry(PACKAGE_CLEAN, false);
        assertThat(problems(instance)).containsExactly(
                "2行目「対象」: リソース「" + VMS + "vm-demo-web99」が見つかりません",
                "3行目「条件」: メトリック「Percentage CPUs」はリソースの種類 Microsoft.Compute/virtualMachines にありません",
                "4行目「閾値」: 閾値「abc」が数値ではありません");
        Task revise = task(instance);
        assertThat(revise.getName()).isEqualTo("引き継ぎ資料の修正 · デモ株式会社");
        assertThat(revise.getDescription()).startsWith("2行目「対象」").contains("4行目「閾値」");
        assertThat(candidateGroups(revise)).containsExactly("design-team");
        verify(metrics, times(1)).definedMetrics(DEMO, VMS + "vm-demo-web01");

        String fixed = "監視項目,対象,種別,条件,閾値,重要度\r\n"
                + "web01 CPU," + VMS + "vm-demo-web01,メトリック,Percentage CPU >,90%,警告\r\n"
                + "web01 メモリ," + VMS + "vm-demo-web01,メトリック,Available Memory Bytes <,1 GB,警告\r\n";
        tasks.complete(revise.getId(), Map.of(MONITORING_ITEMS, fixed, MONITORING_ITEMS_FORMAT, "csv"));
        assertThat(instance).isWaitingAt("ServiceTask_CheckHandoverPackage");
        execute(job(instance));

        assertThat(instance).isWaitingAt("UserTask_ReviewOperations");
        assertThat(problems(instance)).isEmpty();
        tasks.complete(task(instance).getId(), agreed());
        assertThat(instance).isWaitingAt("ServiceTask_PlanMonitoring");
    }

    @Test
    void aRejectedReviewNeedsAReasonAndGoesBackToTheDesignTeamWithIt() throws IOException {
        ProcessInstance instance = start("demo", sample(), "csv");
        execute(job(instance));
        Task review = task(instance);

        Map<String, Object> withoutReason = new HashMap<>(Map.of(REVIEW_DECISION, REJECT, REVIEW_COMMENT, "  "));
        assertThatThrownBy(() -> tasks.complete(review.getId(), withoutReason))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Say why in the comment");
        Map<String, Object> unchecked = new HashMap<>(agreed());
        unchecked.put(SCENARIOS_AGREED, false);
        assertThatThrownBy(() -> tasks.complete(review.getId(), unchecked))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Tick every checklist item");
        assertThat(instance).isWaitingAt("UserTask_ReviewOperations");

        tasks.complete(review.getId(), Map.of(REVIEW_DECISION, REJECT, REVIEW_COMMENT, "閾値の根拠を設計概要に追記してください"));
        assertThat(instance).isWaitingAt("UserTask_RevisePackage");
        Task revise = task(instance);
        assertThat(revise.getDescription()).isEqualTo("閾値の根拠を設計概要に追記してください");

        tasks.complete(revise.getId(), Map.of(DESIGN_SUMMARY, "Web 3 台と SQL Database。CPU 90% は過去 3 か月の最大 70% による"));
        execute(job(instance));
        assertThat(instance).isWaitingAt("UserTask_ReviewOperations");
        tasks.complete(task(instance).getId(), agreed());
        assertThat(instance).isWaitingAt("ServiceTask_PlanMonitoring").hasPassed("UserTask_RevisePackage");
        verify(resources, times(2)).resourceExists(DEMO, VMS + "vm-demo-web01");
    }

    @Test
    void anEnglishCustomerReadsItsProblemsAndTaskNamesInEnglish() {
        ProcessInstance instance = start("acme", "items:\n  - item: web99 CPU\n    target: " + VMS + "vm-demo-web99\n"
                + "    kind: metric\n    condition: Percentage CPU >\n    threshold: 90%\n    severity: 2\n", "yaml");
        execute(job(instance));

        assertThat(problems(instance)).containsExactly("Row 3, column \"target\": Resource \"" + VMS + "vm-demo-web99\" not found");
        assertThat(task(instance).getName()).isEqualTo("Revise handover package · ACME Corp.");
    }

    @Test
    void aStartForACustomerNotInTheRegistryIsRefusedAndStartsNothing() {
        assertThatThrownBy(() -> start("nobody", FAULTY, "csv")).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("customerId: 'nobody' is not a customer in the registry");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aCustomerRemovedFromTheRegistrySinceTheStartIsAnIncidentAtOnceNotARetriedCheck() {
        when(customers.find("gone")).thenReturn(Optional.of(DEMO), Optional.empty());
        ProcessInstance instance = start("gone", FAULTY, "csv");
        Job check = job(instance);
        assertThatThrownBy(() -> execute(check)).hasMessageContaining("'gone' is not in the customer registry");

        assertThat(engine.getManagementService().createJobQuery().jobId(check.getId()).singleResult().getRetries()).isZero();
        verify(resources, never()).resourceExists(any(), anyString());
    }

    private ProcessInstance start(String customer, String items, String format) {
        return runtime.createProcessInstanceByKey(KEY).businessKey(customer).setVariables(Map.of(CUSTOMER_ID, customer,
                DESIGN_SUMMARY, "Web 3 台と SQL Database", SERVICE_REQUIREMENTS, "利用者 500 名、月次レポート",
                TECHNICAL_REQUIREMENTS, "P1 の原因特定 1 時間以内", ENVIRONMENT, "rg-demo-prod",
                MONITORING_ITEMS, items, MONITORING_ITEMS_FORMAT, format)).execute();
    }

    private static String sample() throws IOException {
        return Files.readString(Path.of("docs/samples/monitoring-items-demo.csv"), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> agreed() {
        return Map.of(REQUIREMENTS_FEASIBLE, true, DESIGN_REVIEWED, true, SCENARIOS_AGREED, true, REVIEW_DECISION, AGREE);
    }

    @SuppressWarnings("unchecked")
    private List<String> problems(ProcessInstance instance) {
        return (List<String>) runtime.getVariable(instance.getId(), PACKAGE_PROBLEMS);
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }
}
