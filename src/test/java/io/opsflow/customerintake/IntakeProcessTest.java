package io.opsflow.customerintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.context.i18n.LocaleContextHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.AzureResources;
import io.opsflow.azure.LighthouseDelegations;
import io.opsflow.circleci.CircleCi;
import io.opsflow.circleci.Pipeline;
import io.opsflow.circleci.Workflow;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.github.GitHub;
import io.opsflow.github.Merge;
import io.opsflow.github.MergeConflictException;
import io.opsflow.github.Repository;
import io.opsflow.partnercenter.AzureEntitlement;
import io.opsflow.partnercenter.AzurePlanOrder;
import io.opsflow.partnercenter.NewPartnerCustomer;
import io.opsflow.partnercenter.PartnerCenter;
import io.opsflow.partnercenter.PartnerCustomer;
import io.opsflow.servicenow.ServiceNowClient;

/** customer-intake on a bare engine: its real delegates around mocked Partner Center, GitHub, CircleCI and ARM ports. */
@Deployment(resources = {"processes/intake/customer-intake.bpmn", "processes/intake/customer-intake-request.form",
        "processes/intake/customer-intake-domain.form", "processes/intake/customer-intake-tenant.form",
        "processes/intake/customer-intake-credential.form", "processes/intake/customer-intake-repository.form",
        "processes/intake/customer-intake-step.form", "processes/intake/customer-intake-approval.form",
        "processes/intake/customer-intake-checklist-item.form"})
class IntakeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final String TENANT = "a1c2e3f4-5b6d-4e7f-8091-a2b3c4d5e6f7";
    static final String SUB = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final String SLUG = "gh/contoso-msp/acme-azure-ops";
    static final Repository REPO = new Repository("contoso-msp", "acme-azure-ops", "contoso-msp/acme-azure-ops", "master",
            "https://github.com/contoso-msp/acme-azure-ops", false, "contoso-msp/azure-ops-template");
    static final Pipeline PIPELINE = new Pipeline("5034460f-c7c4-4c43-9457-de07e2029e7b", 12, Pipeline.State.CREATED, "c0ffee", List.of());

    final PartnerCenter partnerCenter = mock(PartnerCenter.class);
    final GitHub gitHub = mock(GitHub.class);
    final CircleCi circleCi = mock(CircleCi.class);
    final LighthouseDelegations lighthouse = mock(LighthouseDelegations.class);
    final AzureResources resources = mock(AzureResources.class);
    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final ServiceNowClient serviceNow = mock(ServiceNowClient.class);
    RuntimeService runtime;
    TaskService tasks;
    IntakeDriver driver;

    @BeforeEach
    void wire() throws Exception {
        init(engine.getProcessEngine());
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        driver = new IntakeDriver(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T01:00:00Z")));
        // The refusals come in the caller's language; these tests read English unless one says otherwise.
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        IntakeMocks.register(partnerCenter, gitHub, circleCi, lighthouse, resources, customers, serviceNow);
        when(serviceNow.ensureCompany("ACME株式会社")).thenReturn("31bea3d53790200044e0bfc8bcbe5dec");
        when(customers.find(anyString())).thenReturn(Optional.empty());
        when(partnerCenter.customerByDomain("acmejp")).thenReturn(Optional.empty());
        when(partnerCenter.domainAvailable("acmejp")).thenReturn(true);
        when(partnerCenter.createCustomer(any(), any())).thenReturn(new PartnerCustomer(TENANT, "acmejp.onmicrosoft.com", "ACME株式会社"));
        when(partnerCenter.orderAzurePlan(eq(TENANT), eq("JP"), any())).thenReturn(new AzurePlanOrder("ord-1", AzurePlanOrder.Status.PENDING, false));
        when(partnerCenter.azureSubscriptions(TENANT)).thenReturn(List.of(),
                List.of(new AzureEntitlement(SUB, "Azure plan", AzureEntitlement.Status.ACTIVE)));
        when(lighthouse.reaches(any(), eq(SUB))).thenReturn(true);
        when(gitHub.repository("contoso-msp", "acme-azure-ops")).thenReturn(Optional.empty());
        when(gitHub.generateFromTemplate(any(), any(), any(), any())).thenReturn(REPO);
        when(gitHub.branchExists("contoso-msp", "acme-azure-ops", "master")).thenReturn(false, true);
        when(gitHub.putFile(any(), any(), any(), any(), any(), any())).thenReturn(Optional.of("sha-file"));
        when(gitHub.mergeBranch("contoso-msp", "acme-azure-ops", "production", "master", "opsflow: open acme"))
                .thenReturn(new Merge("c0ffee", false));
        when(circleCi.pipelineForRevision(SLUG, "production", "c0ffee")).thenReturn(Optional.empty(), Optional.of(PIPELINE));
        when(circleCi.pipeline(PIPELINE.id())).thenReturn(PIPELINE);
        when(circleCi.workflows(PIPELINE.id())).thenReturn(List.of(workflow("wf-1", Workflow.Status.RUNNING)),
                List.of(workflow("wf-1", Workflow.Status.SUCCESS)));
        allResourcesExist();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theWholeCspIntakeOpensTheCustomerAndRegistersIt() throws Exception {
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        List<Task> items = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(items).extracting(Task::getName).containsExactlyInAnyOrder("個別作業 · ACME株式会社 · 閉域網の VPN 設定",
                "個別作業 · ACME株式会社 · 顧客ポータルのアカウント");
        for (Task item : items) {
            tasks.complete(item.getId(), Map.of("checklistResult", "done", "checklistComment", "済"));
        }
        drive(instance);
        assertThat(instance).isEnded().hasPassed("ServiceTask_StartDesignHandover").hasPassed("EndEvent_CustomerOpened", "IntermediateCatchEvent_SubscriptionPending",
                "IntermediateCatchEvent_RepositoryPending", "IntermediateCatchEvent_PipelinePollDue");

        verify(IntakeMocks.handovers).startFromIntake("acme");
        ArgumentCaptor<NewPartnerCustomer> created = ArgumentCaptor.forClass(NewPartnerCustomer.class);
        verify(partnerCenter).createCustomer(created.capture(), eq(IntakeSteps.requestId(instance.getId(), "create-customer")));
        assertThat(created.getValue().companyName()).isEqualTo("ACME株式会社");
        assertThat(created.getValue().domainPrefix()).isEqualTo("acmejp");
        assertThat(created.getValue().culture()).isEqualTo("ja-JP");
        assertThat(created.getValue().address().postalCode()).isEqualTo("100-0001");
        ArgumentCaptor<LighthouseDelegations.Delegation> delegation = ArgumentCaptor.forClass(LighthouseDelegations.Delegation.class);
        ArgumentCaptor<Customer> signedIn = ArgumentCaptor.forClass(Customer.class);
        verify(lighthouse).delegate(signedIn.capture(), eq(SUB), delegation.capture());
        assertThat(signedIn.getValue().azure().tenantId()).isEqualTo(TENANT);
        assertThat(delegation.getValue().managedByTenantId()).isEqualTo(IntakeMocks.MSP_TENANT);
        assertThat(delegation.getValue().authorizations()).extracting(LighthouseDelegations.Authorization::roleDefinitionId)
                .containsExactly("acdd72a7-3385-48ef-bd42-f606fba81ae7");

        InOrder files = inOrder(gitHub);
        ArgumentCaptor<byte[]> parameters = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<byte[]> target = ArgumentCaptor.forClass(byte[].class);
        files.verify(gitHub).putFile(eq("contoso-msp"), eq("acme-azure-ops"), eq("master"), eq("infra/main.parameters.json"), parameters.capture(), any());
        files.verify(gitHub).putFile(eq("contoso-msp"), eq("acme-azure-ops"), eq("master"), eq("opsflow.json"), target.capture(), any());
        files.verify(gitHub).mergeBranch("contoso-msp", "acme-azure-ops", "production", "master", "opsflow: open acme");
        JsonNode parameterFile = json(parameters.getValue());
        assertThat(parameterFile.at("/parameters/opsflowWebhookUrl/value").asText()).isEqualTo("https://opsflow.example.com/webhooks/azure-monitor/acme");
        assertThat(parameterFile.at("/parameters/resourceGroupName/value").asText()).isEqualTo("rg-acme-ops");
        assertThat(json(target.getValue()).path("subscriptionId").asText()).isEqualTo(SUB);
        assertThat(json(target.getValue()).path("run").asBoolean()).isTrue();
        verify(circleCi, never()).trigger(any(), any(), any());

        ArgumentCaptor<Customer> registered = ArgumentCaptor.forClass(Customer.class);
        verify(customers).save(registered.capture());
        Customer acme = registered.getValue();
        assertThat(acme.id()).isEqualTo("acme");
        assertThat(acme.displayName()).isEqualTo("ACME株式会社");
        assertThat(acme.azure().tenantId()).isEqualTo(TENANT);
        assertThat(acme.azure().subscriptionIds()).containsExactly(SUB);
        assertThat(acme.azure().credential().type()).isEqualTo("lighthouse");
        assertThat(acme.azure().automationAccount()).isEqualTo(new Customer.AutomationAccount(SUB, "rg-acme-ops", "aa-acme-ops"));
        assertThat(acme.azure().monitorWebhook().audiences()).containsExactly("api://opsflow");
        assertThat(acme.sla().get("P1")).isEqualTo(new Customer.SlaTarget(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)));
        assertThat(acme.members().groups()).containsExactly("operators");
        assertThat(acme.servicenow()).isEqualTo(new Customer.ServiceNow("31bea3d53790200044e0bfc8bcbe5dec", "MSP Operations - ACME Corporation"));
        verify(serviceNow).ensureAssignmentGroup("MSP Operations - ACME Corporation", "31bea3d53790200044e0bfc8bcbe5dec");
        assertThat(acme.support().contact().lastName()).isEqualTo("山田");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("checklistItem").list())
                .extracting(v -> v.getValue()).containsExactlyInAnyOrder("閉域網の VPN 設定", "顧客ポータルのアカウント");
    }

    @Test
    void aCustomerThatBringsItsTenantIsAskedForItAndVerifiedByAnArmRead() {
        when(lighthouse.reaches(any(), eq(SUB))).thenReturn(false, true, true);
        Map<String, Object> request = request();
        request.put("tenantMode", "existing");
        ProcessInstance instance = start(request);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant");
        complete(instance, Map.of("azureTenantId", " " + TENANT.toUpperCase() + " ", "azureSubscriptionId", SUB));
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant");
        assertThat(instance).variables().containsEntry("intakeProblem", "テナント " + TENANT + " にサブスクリプション " + SUB + " が見つかりません");
        complete(instance, Map.of("azureTenantId", TENANT, "azureSubscriptionId", SUB));
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasPassed("ServiceTask_DelegateAzureAccess");
        verify(partnerCenter, never()).createCustomer(any(), any());
    }

    @Test
    void armRefusingTheTenantSendsTheTaskBackWithAzuresReason() {
        when(lighthouse.reaches(any(), eq(SUB))).thenThrow(new ArmException(403, "AuthorizationFailed", "no access", "r1"));
        Map<String, Object> request = request();
        request.put("tenantMode", "existing");
        ProcessInstance instance = start(request);
        complete(instance, Map.of("azureTenantId", TENANT, "azureSubscriptionId", SUB));
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant");
        assertThat((String) runtime.getVariable(instance.getId(), "intakeProblem")).contains("読み取りを拒否しました").contains("no access");
    }

    @Test
    void aCustomerThatRefusesLighthouseGivesItsOwnAppAndIsRegisteredWithIt() {
        Map<String, Object> request = request();
        request.put("lighthouse", false);
        ProcessInstance instance = start(request);
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_EnterCustomerCredential");
        complete(instance, Map.of("customerClientId", "5c1d7e9f-3a2b-4c6d-8e0f-1a2b3c4d5e6f", "customerSecretEnv", "OPSFLOW_AZURE_ACME_CLIENT_SECRET"));
        drive(instance);
        tasks.createTaskQuery().processInstanceId(instance.getId()).list().forEach(t -> tasks.complete(t.getId(), Map.of("checklistResult", "done")));
        drive(instance);
        assertThat(instance).isEnded();
        verify(lighthouse, never()).delegate(any(), any(), any());
        ArgumentCaptor<Customer> registered = ArgumentCaptor.forClass(Customer.class);
        verify(customers).save(registered.capture());
        assertThat(registered.getValue().azure().credential())
                .isEqualTo(new Customer.Credential("client-secret", "5c1d7e9f-3a2b-4c6d-8e0f-1a2b3c4d5e6f", "OPSFLOW_AZURE_ACME_CLIENT_SECRET"));
    }

    @Test
    void aSubscriptionThatNeverAppearsIsAskedForAfterTheWait() {
        when(partnerCenter.azureSubscriptions(TENANT)).thenAnswer(call -> {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(20).toMillis()));
            return List.of();
        });
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant");
        verify(partnerCenter, times(4)).azureSubscriptions(TENANT);
        assertThat(instance).variables().containsEntry("azureTenantId", TENANT);
    }

    @Test
    void aTakenDomainAsksForAnotherAndRetriesWithIt() {
        when(partnerCenter.domainAvailable("acmejp")).thenReturn(false);
        when(partnerCenter.customerByDomain("acmejp2")).thenReturn(Optional.empty());
        when(partnerCenter.domainAvailable("acmejp2")).thenReturn(true);
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ChooseDomain");
        complete(instance, Map.of("domainPrefix", "acmejp2", "intakeDecision", "retry"));
        drive(instance);
        ArgumentCaptor<NewPartnerCustomer> created = ArgumentCaptor.forClass(NewPartnerCustomer.class);
        verify(partnerCenter).createCustomer(created.capture(), any());
        assertThat(created.getValue().domainPrefix()).isEqualTo("acmejp2");
    }

    @Test
    void aRepositoryFromAnotherTemplateAsksAPersonWhoMayAdoptIt() {
        Repository foreign = new Repository("contoso-msp", "acme-azure-ops", "contoso-msp/acme-azure-ops", "master",
                "https://github.com/contoso-msp/acme-azure-ops", false, null);
        when(gitHub.repository("contoso-msp", "acme-azure-ops")).thenReturn(Optional.of(foreign));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ResolveRepositoryName");
        assertThat((String) runtime.getVariable(instance.getId(), "intakeProblem")).contains("contoso-msp/azure-ops-template から作られたものではありません");
        complete(instance, Map.of("repositoryName", "acme-azure-ops", "intakeDecision", "adopt"));
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        verify(gitHub, never()).generateFromTemplate(any(), any(), any(), any());
    }

    @Test
    void aRepositoryFromTheSameTemplateIsAdoptedWithoutAsking() {
        when(gitHub.repository("contoso-msp", "acme-azure-ops")).thenReturn(Optional.of(REPO));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasNotPassed("UserTask_ResolveRepositoryName");
        verify(gitHub, never()).generateFromTemplate(any(), any(), any(), any());
    }

    @Test
    void aHeldPipelineIsApprovedThroughCircleCiWhenThePersonApproves() {
        when(circleCi.workflows(PIPELINE.id())).thenReturn(List.of(workflow("wf-1", Workflow.Status.ON_HOLD)),
                List.of(workflow("wf-1", Workflow.Status.SUCCESS)));
        when(circleCi.jobs("wf-1")).thenReturn(List.of(new io.opsflow.circleci.Job("j-1", "validate", io.opsflow.circleci.Job.Type.BUILD,
                "success", 7, null, "https://app.circleci.com/jobs/7"), new io.opsflow.circleci.Job("j-2", "hold",
                io.opsflow.circleci.Job.Type.APPROVAL, "on_hold", null, "ar-1", null)));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ApprovePipeline");
        assertThat(instance).variables().containsEntry("pipelineUrl", "https://app.circleci.com/wf-1");
        complete(instance, Map.of("pipelineApproved", true));
        drive(instance);
        verify(circleCi).approve("wf-1", "ar-1");
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
    }

    @Test
    void aFailedPipelineShowsTheFailingJobAndARetryReRunsIt() {
        when(circleCi.workflows(PIPELINE.id())).thenReturn(List.of(workflow("wf-1", Workflow.Status.FAILED)),
                List.of(workflow("wf-2", Workflow.Status.RUNNING), workflow("wf-1", Workflow.Status.FAILED)),
                List.of(workflow("wf-2", Workflow.Status.SUCCESS), workflow("wf-1", Workflow.Status.FAILED)));
        when(circleCi.jobs("wf-1")).thenReturn(List.of(new io.opsflow.circleci.Job("j-1", "deploy", io.opsflow.circleci.Job.Type.BUILD,
                "failed", 8, null, "https://app.circleci.com/jobs/8")));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_PipelineFailed");
        assertThat(instance).variables().containsEntry("pipelineUrl", "https://app.circleci.com/jobs/8")
                .containsEntry("intakeProblem", "パイプライン 12 のワークフロー deploy が failed で終了しました (ジョブ deploy が失敗)");
        complete(instance, Map.of("intakeDecision", "retry"));
        drive(instance);
        verify(circleCi).rerunFromFailed("wf-1");
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
    }

    @Test
    void aMissingResourceIsListedForAPersonAndRecheckedOnRetry() {
        String actionGroup = "/subscriptions/" + SUB + "/resourceGroups/rg-acme-ops/providers/Microsoft.Insights/actionGroups/ag-acme-opsflow";
        when(resources.resource(any(), eq(actionGroup), any())).thenReturn(Optional.empty(), Optional.of(actionGroupJson()));
        Map<String, Object> english = request();
        english.put("locale", "en");
        ProcessInstance instance = start(english);
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ResourcesMissing");
        assertThat(instance).variables().containsEntry("missingResources", actionGroup)
                .containsEntry("intakeProblem", "Not found in subscription " + SUB + ":\n" + actionGroup);
        complete(instance, Map.of("intakeDecision", "retry"));
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
    }

    @Test
    void aStepThatCrashesAfterItsCallRepeatsItWithTheSameRequestId() {
        when(partnerCenter.createCustomer(any(), any())).thenThrow(new IllegalStateException("connection reset after the POST"))
                .thenReturn(new PartnerCustomer(TENANT, "acmejp.onmicrosoft.com", "ACME株式会社"));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        ArgumentCaptor<UUID> ids = ArgumentCaptor.forClass(UUID.class);
        verify(partnerCenter, times(2)).createCustomer(any(), ids.capture());
        assertThat(ids.getAllValues().get(0)).isEqualTo(ids.getAllValues().get(1));
    }

    @Test
    void aTriggerWhoseAnswerWasLostIsFoundByItsKeyAndNotSentTwice() {
        when(gitHub.mergeBranch("contoso-msp", "acme-azure-ops", "production", "master", "opsflow: open acme"))
                .thenReturn(new Merge(null, true));
        when(circleCi.trigger(eq(SLUG), eq("production"), any())).thenThrow(new IllegalStateException("connection reset after the POST"));
        when(circleCi.pipelineTriggeredWith(eq(SLUG), eq("production"), eq("opsflow-request"), anyString()))
                .thenReturn(Optional.empty(), Optional.of(PIPELINE));
        ProcessInstance instance = start(request());
        drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        String key = "acme/" + instance.getId() + "/1";
        verify(circleCi, times(1)).trigger(SLUG, "production", Map.of("opsflow-request", key));
        verify(circleCi, times(2)).pipelineTriggeredWith(SLUG, "production", "opsflow-request", key);
        verify(circleCi, never()).pipelineForRevision(any(), any(), any());
    }

    @Test
    void anIncompleteIntakeStartsNothingAndNamesEveryProblem() {
        Map<String, Object> request = request();
        request.remove("companyNameEn");
        request.put("newCustomerId", "ACME");
        request.put("postalCode", "1000001x");
        request.put("slaTargets", "P1 PT4H PT1H PT15M");
        request.put("azureSecret", "s3cret");
        assertThatThrownBy(() -> start(request)).hasMessageContaining("companyNameEn: is required")
                .hasMessageContaining("newCustomerId: must be 2 to 31").hasMessageContaining("postalCode")
                .hasMessageContaining("slaTargets[1]").hasMessageContaining("azureSecret: is not a field of the intake form");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aJapaneseOperatorReadsTheProblemsInJapanese() {
        Map<String, Object> request = request();
        request.remove("companyNameJa");
        request.put("postalCode", "百-0001");
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThatThrownBy(() -> start(request)).hasMessageStartingWith("顧客受付の入力に不備があります")
                .hasMessageContaining("companyNameJa: 必須です")
                .hasMessageContaining("postalCode: 100-0001 のような郵便番号を入力してください (入力値: 百-0001)");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void anIntakeStartedFromTasklistWithoutABusinessKeyGetsTheCustomerIdAndASecondOneIsRefused() {
        ProcessInstance first = runtime.startProcessInstanceByKey("customer-intake", request());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.getId()).singleResult().getBusinessKey()).isEqualTo("acme");
        assertThat(first.getTenantId()).as("the customer's tenant does not exist yet").isNull();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("customer-intake", request()))
                .hasMessageContaining("an intake for 'acme' is already running");
    }

    @Test
    void aCustomerAlreadyInTheRegistryIsRefused() {
        when(customers.find("acme")).thenReturn(Optional.of(new Customer("acme", "ACME", "ja", null, null, null, null, null, null)));
        assertThatThrownBy(() -> start(request())).hasMessageContaining("'acme' is already a customer in the registry");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    private void allResourcesExist() {
        when(resources.resourceGroupExists(any(), eq(SUB), eq("rg-acme-ops"))).thenReturn(true);
        when(resources.resourceExists(any(), anyString(), anyString())).thenReturn(true);
        when(resources.resource(any(), anyString(), anyString())).thenReturn(Optional.of(actionGroupJson()));
    }

    private static JsonNode actionGroupJson() {
        try {
            return new ObjectMapper().readTree("{\"properties\":{\"webhookReceivers\":[{\"name\":\"opsflow\","
                    + "\"serviceUri\":\"https://opsflow.example.com/webhooks/azure-monitor/acme\",\"useAadAuth\":true}]}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Workflow workflow(String id, Workflow.Status status) {
        return new Workflow(id, "deploy", status, PIPELINE.id(), 12, SLUG, "https://app.circleci.com/" + id);
    }

    static Map<String, Object> request() {
        Map<String, Object> request = new HashMap<>();
        request.put("newCustomerId", "acme");
        request.put("companyNameJa", "ACME株式会社");
        request.put("companyNameEn", "ACME Corporation");
        request.put("tenantMode", "csp");
        request.put("domainPrefix", "acmejp");
        request.put("contactLastName", "山田");
        request.put("contactFirstName", "太郎");
        request.put("contactEmail", "taro.yamada@acme.example.co.jp");
        request.put("contactPhone", "+81 3-1234-5678");
        request.put("postalCode", "100-0001");
        request.put("prefecture", "東京都");
        request.put("city", "千代田区");
        request.put("addressLine", "千代田1-1");
        request.put("locale", "ja");
        request.put("azureRegion", "japaneast");
        request.put("lighthouse", true);
        request.put("supportPlan", "unified");
        request.put("slaTargets", "P1 PT15M PT1H PT4H\nP2 PT30M PT2H PT8H");
        request.put("checklist", "閉域網の VPN 設定\n\n顧客ポータルのアカウント\n");
        return request;
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return driver.start(variables);
    }

    private void complete(ProcessInstance instance, Map<String, Object> variables) {
        driver.complete(instance, variables);
    }

    private void drive(ProcessInstance instance) {
        driver.drive(instance);
    }

    private static JsonNode json(byte[] bytes) throws Exception {
        return new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
    }
}
