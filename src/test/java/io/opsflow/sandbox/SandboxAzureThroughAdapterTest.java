package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.azure.ArmException;
import io.opsflow.azure.ArmResource;
import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.AutomationJob;
import io.opsflow.azure.AutomationJobStatus;
import io.opsflow.azure.AutomationJobs;
import io.opsflow.azure.AzureResources;
import io.opsflow.azure.JobNames;
import io.opsflow.azure.MonitorAlertRules;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.handover.MonitoringChange;
import io.opsflow.handover.MonitoringDesign;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.handover.MonitoringItemsCheck;
import io.opsflow.handover.MonitoringItemsList;
import io.opsflow.runbooks.DiagnosticRunbooks;

/** On a fresh clone (sandbox mode) the production Azure adapter drives the ARM simulator over HTTP. */
@OpsflowSpringTest
class SandboxAzureThroughAdapterTest {

    static final String SUB = SandboxDemo.SUBSCRIPTION;

    @Autowired
    AutomationJobs jobs;
    @Autowired
    SupportTickets tickets;
    @Autowired
    SupportCommunications communications;
    @Autowired
    MonitorAlertRules monitor;
    @Autowired
    AzureResources resources;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    MonitoringItemsCheck itemsCheck;
    @Autowired
    MonitoringDesign design;

    Customer demo() {
        return customers.find(SandboxDemo.CUSTOMER_ID).orElseThrow();
    }

    @Test
    void aRunbookJobStartsOnceAndCompletesWithOutput() {
        String jobName = JobNames.forStep("sandbox-instance-1", "ServiceTask_StartRunbook");
        AutomationJob started = jobs.start(demo(), jobName, "Restart-AzureVM", Map.of("VMName", "vm-demo-web01"));
        assertThat(started.status()).isEqualTo(AutomationJobStatus.NEW);
        assertThat(jobs.start(demo(), jobName, "Restart-AzureVM", Map.of("VMName", "vm-demo-web01")).jobId())
                .as("a retried start is the same job").isEqualTo(started.jobId());

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(demo(), jobName).status().isFinal());
        assertThat(jobs.get(demo(), jobName).status()).isEqualTo(AutomationJobStatus.COMPLETED);
        assertThat(jobs.output(demo(), jobName)).contains("VMName = vm-demo-web01");
    }

    @Test
    void diagnosticRunbooksAnswerInTheContractPerOsOfTheSeededVm() {
        String prod = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/";
        Map<String, String> osByVm = Map.of("vm-demo-db01", "windows", "vm-demo-web01", "linux", "vm-demo-web02", "linux");
        osByVm.forEach((vm, os) -> {
            String jobName = JobNames.forStep("sandbox-diagnostics-" + vm, "ServiceTask_StartRunbook");
            jobs.start(demo(), jobName, "Get-OpsflowVmDiagnostics", Map.of("AlertId", "alert-" + vm, "TargetResource", prod + vm));
            await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(demo(), jobName).status().isFinal());
            assertThat(jobs.get(demo(), jobName).status()).isEqualTo(AutomationJobStatus.COMPLETED);
            var json = DiagnosticRunbooks.assertContract(jobs.output(demo(), jobName).strip(), prod + vm,
                    DiagnosticRunbooks.documentedCheckIds().get("Get-OpsflowVmDiagnostics").get(os));
            assertThat(json.at("/resource/os").asText()).as(vm).isEqualTo(os);
        });
    }

    @Test
    void aFailingRunbookEndsFailedWithItsErrorStream() {
        String jobName = JobNames.forStep("sandbox-instance-2", "ServiceTask_StartRunbook");
        jobs.start(demo(), jobName, "Fail-Restart-AzureVM", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(demo(), jobName).status().isFinal());
        assertThat(jobs.get(demo(), jobName).status()).isEqualTo(AutomationJobStatus.FAILED);
        assertThat(jobs.errors(demo(), jobName)).contains("Simulated failure");
    }

    @Test
    void aSupportTicketIsCreatedAsynchronouslyAndTakesMessages() {
        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(SupportAccess.of(demo(), SUB), new SupportTickets.NewTicket(
                "opsflow-sandbox-ticket-1", "/providers/Microsoft.Support/services/vm", "/providers/Microsoft.Support/services/vm/problemClassifications/boot",
                SupportTickets.Severity.MODERATE, "VM が起動しない", "vm-demo-web01 が再起動後に応答しません。",
                "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01",
                true, false, SupportTickets.Contact.japanese("太郎", "運用", "ops@example.co.jp", List.of())));
        assertThat(submission.isAccepted()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> tickets.created(SupportAccess.of(demo(), SUB), submission).isPresent());
        Optional<SupportTickets.Ticket> ticket = tickets.find(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-1");
        assertThat(ticket).map(SupportTickets.Ticket::status).hasValue("Open");

        communications.add(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-1", "opsflow-msg-1", "追加情報", "ログを添付します。", "ops@example.co.jp");
        assertThat(communications.all(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-1")).extracting(SupportCommunications.Communication::subject)
                .containsExactly("追加情報");
    }

    @Test
    void aTicketMicrosoftRefusesEndsFailedWithItsReason() {
        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(SupportAccess.of(demo(), SUB), linuxTicket("opsflow-sandbox-ticket-fail", "[fail] VM が起動しない"));
        AtomicReference<ArmException> failure = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                return tickets.created(SupportAccess.of(demo(), SUB), submission).isPresent();
            } catch (ArmException e) {
                failure.set(e);
                return true;
            }
        });
        assertThat(failure.get()).as("never reported as created").isNotNull();
        assertThat(failure.get().code()).isEqualTo("SupportPlanNotFound");
        assertThat(failure.get().getMessage()).contains("support plan");
        assertThat(tickets.find(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-fail")).isEmpty();
    }

    @Test
    void aTicketsMessagesAreListedAcrossNextLinkPagesInJapanese() {
        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(SupportAccess.of(demo(), SUB), linuxTicket("opsflow-sandbox-ticket-paged", "ディスク容量不足"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tickets.created(SupportAccess.of(demo(), SUB), submission).isPresent());
        for (int i = 1; i <= 5; i++) {
            communications.add(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-paged", "opsflow-msg-" + i, "追加情報 " + i, "ログ " + i + " を添付します。", "ops@example.co.jp");
        }
        assertThat(communications.all(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-paged"))
                .as("five messages over two pages of the sandbox's page size 3")
                .extracting(SupportCommunications.Communication::subject, SupportCommunications.Communication::direction)
                .containsExactly(tuple("追加情報 1", SupportCommunications.Direction.OUTBOUND), tuple("追加情報 2", SupportCommunications.Direction.OUTBOUND), tuple("追加情報 3", SupportCommunications.Direction.OUTBOUND),
                        tuple("追加情報 4", SupportCommunications.Direction.OUTBOUND), tuple("追加情報 5", SupportCommunications.Direction.OUTBOUND));
        assertThat(tickets.get(SupportAccess.of(demo(), SUB), "opsflow-sandbox-ticket-paged").status()).as("the MSP wrote last").isEqualTo("Updating");
    }

    private SupportTickets.NewTicket linuxTicket(String name, String title) {
        SimulatedSupportCatalog.Service linux = SimulatedSupportCatalog.service(SimulatedSupportCatalog.VM_LINUX).orElseThrow();
        return new SupportTickets.NewTicket(name, linux.id(), linux.id() + "/problemClassifications/" + linux.problems().get(0).name(),
                SupportTickets.Severity.MODERATE, title, "vm-demo-web01 が再起動後に応答しません。",
                "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01",
                true, false, SupportTickets.Contact.japanese("太郎", "運用", "ops@example.co.jp", List.of()));
    }

    @Test
    void alertRulesAreStoredAndResourcesChecked() {
        String vm = "/subscriptions/" + SUB + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01";
        ArmResource rule = monitor.putMetricAlert(demo(), SUB, "rg-demo-ops", "demo-vm-cpu-high", new MonitorAlertRules.MetricAlertRule(
                "CPU > 90%", 2, true, List.of(vm), Duration.ofMinutes(1), Duration.ofMinutes(5),
                List.of(new MonitorAlertRules.StaticCriterion("HighCpu", "Percentage CPU", "Microsoft.Compute/virtualMachines",
                        "GreaterThan", new BigDecimal("90"), "Average")),
                true, List.of(), Map.of(), null, null));
        assertThat(rule.name()).isEqualTo("demo-vm-cpu-high");

        assertThat(resources.resourceGroupExists(demo(), SUB, "rg-demo-prod")).isTrue();
        assertThat(resources.resourceGroupExists(demo(), SUB, "rg-missing")).isFalse();
        assertThat(resources.resourceExists(demo(), vm, "2024-11-01")).isTrue();
        assertThat(resources.resourceExists(demo(), vm.replace("web01", "web99"), "2024-11-01")).isFalse();
    }

    @Test
    void theDemoMonitoringListChecksCleanAndAppliesOnceThenNeverAgain() throws java.io.IOException {
        MonitoringItemsList list = MonitoringItemsList.parse(
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/samples/monitoring-items-demo.csv")), "monitoring-items-demo.csv");
        List<MonitoringItem> items = list.items();
        assertThat(list.problems()).isEmpty();
        assertThat(itemsCheck.check(demo(), items)).as("every resource and metric of the demo list exists in the sandbox").isEmpty();

        design.apply(demo(), items);
        List<MonitoringChange> again = design.plan(demo(), items);

        assertThat(again).hasSize(9).allSatisfy(change -> assertThat(change.action()).isEqualTo(MonitoringChange.Action.UNCHANGED));
        assertThat(design.apply(demo(), items)).isEmpty();
        assertThat(resources.resource(demo(), "/subscriptions/" + SUB + "/resourceGroups/rg-demo-ops/providers/Microsoft.Insights/"
                + "actionGroups/ag-demo-opsflow", "2023-01-01")).hasValueSatisfying(group ->
                assertThat(group.path("type").asText()).isEqualTo("Microsoft.Insights/actionGroups"));
    }
}
