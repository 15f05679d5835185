package io.opsflow.customerintake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.opsflow.customerintake.IntakeStubs.*;
import static io.opsflow.customerintake.IntakeWireMock.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * customer-intake on a bare engine with its real adapters: Partner Center, GitHub, CircleCI, ARM (Lighthouse
 * and resources, real Entra credentials) and ServiceNow each played by WireMock from the contracts' examples.
 * Each test asserts the path the process took and the requests every system received.
 */
@Deployment(resources = {"processes/intake/customer-intake.bpmn", "processes/intake/customer-intake-request.form",
        "processes/intake/customer-intake-domain.form", "processes/intake/customer-intake-tenant.form",
        "processes/intake/customer-intake-credential.form", "processes/intake/customer-intake-repository.form",
        "processes/intake/customer-intake-step.form", "processes/intake/customer-intake-approval.form",
        "processes/intake/customer-intake-checklist-item.form"})
class IntakeWireMockProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("opsflow-engine-test.cfg.xml").build();
    @RegisterExtension
    static WireMockExtension partnerCenter = IntakeWireMock.http();
    @RegisterExtension
    static WireMockExtension gitHub = IntakeWireMock.http();
    @RegisterExtension
    static WireMockExtension circleCi = IntakeWireMock.http();
    @RegisterExtension
    static WireMockExtension serviceNow = IntakeWireMock.http();
    @RegisterExtension
    static WireMockExtension arm = IntakeWireMock.https();

    static final String PROJECT_PIPELINES = "/api/v2/project/gh/contoso-msp/acme-azure-ops/pipeline";
    static final String SUBSCRIPTIONS = CUSTOMER + "/subscriptions";
    static final String WORKFLOWS = PIPELINE + "/workflow";
    static final String WORKFLOW_URL = "https://app.circleci.com/pipelines/github/contoso-msp/acme-azure-ops/";
    static final String FOLLOW = "circleci/workflow-jobs-approve-rerun.exchanges.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final CustomerRegistry customers = mock(CustomerRegistry.class);
    final IntakeStubs stubs = new IntakeStubs(partnerCenter, gitHub, circleCi, arm, serviceNow);
    IntakeDriver driver;

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        driver = new IntakeDriver(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T01:00:00Z")));
        IntakeWireMock.register(partnerCenter, gitHub, circleCi, arm, serviceNow, customers);
        stubs.all();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        for (WireMockExtension server : List.of(partnerCenter, gitHub, circleCi, serviceNow, arm)) {
            assertThat(server.findAllUnmatchedRequests()).as("requests no stub answered").isEmpty();
        }
    }

    @Test
    void theWholeCspIntakeCallsEachSystemAsItsContractSaysAndRegistersTheCustomer() throws Exception {
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        driver.completeAll(instance, Map.of("checklistResult", "done", "checklistComment", "済"));
        driver.drive(instance);

        assertThat(instance).isEnded().hasPassed("ServiceTask_CreateCustomerTenant", "ServiceTask_OrderAzurePlan",
                "IntermediateCatchEvent_SubscriptionPending", "ServiceTask_DelegateAzureAccess", "ServiceTask_VerifyDelegatedAccess",
                "IntermediateCatchEvent_RepositoryPending", "ServiceTask_MergeToProduction", "IntermediateCatchEvent_PipelinePollDue",
                "ServiceTask_VerifyCommonResources", "ServiceTask_EnsureServiceNowCompany", "ServiceTask_StartDesignHandover", "EndEvent_CustomerOpened")
                .hasNotPassed("UserTask_EnterTenant", "UserTask_ResolveRepositoryName", "UserTask_PipelineFailed");
        String plan = SUBSCRIPTIONS + "/3b7e9c1d-2f4a-4b6c-8d0e-1f2a3b4c5d6e";
        assertThat(requests(partnerCenter)).containsExactly("POST " + PC_TOKEN, "GET " + CUSTOMERS,
                "HEAD /v1/domains/acmecorpjp.onmicrosoft.com", "POST " + CUSTOMERS, "GET /v1/agreements", "POST " + CUSTOMER + "/agreements",
                "GET " + SUBSCRIPTIONS, "GET /v1/products", "GET /v1/products/DZH318Z0BPS6/skus",
                "GET /v1/products/DZH318Z0BPS6/skus/0001/availabilities", "POST " + CUSTOMER + "/carts",
                "POST " + CUSTOMER + "/carts/b4c8fdea-5a6b-4c7d-8e9f-0a1b2c3d4e61/checkout",
                "GET " + SUBSCRIPTIONS, "GET " + SUBSCRIPTIONS, "GET " + plan + "/azureEntitlements");
        partnerCenter.verify(postRequestedFor(urlPathEqualTo(CUSTOMERS))
                .withHeader("Authorization", equalTo("Bearer <access token>"))
                .withHeader("MS-RequestId", equalTo(IntakeSteps.requestId(instance.getId(), "create-customer").toString()))
                .withRequestBody(matchingJsonPath("$.CompanyProfile.Domain", equalTo("acmecorpjp.onmicrosoft.com")))
                .withRequestBody(matchingJsonPath("$.BillingProfile.CompanyName", equalTo("ACME株式会社")))
                .withRequestBody(matchingJsonPath("$.BillingProfile.Culture", equalTo("ja-JP")))
                .withRequestBody(matchingJsonPath("$.BillingProfile.DefaultAddress.PostalCode", equalTo("100-0001"))));
        partnerCenter.verify(postRequestedFor(urlPathEqualTo(CUSTOMER + "/agreements"))
                .withHeader("MS-RequestId", equalTo(IntakeSteps.requestId(instance.getId(), "customer-agreement").toString()))
                .withRequestBody(matchingJsonPath("$.templateId", equalTo("117a77b0-9360-443b-8795-c6dedc750cf9")))
                .withRequestBody(matchingJsonPath("$.primaryContact.lastName", equalTo("山田")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("MicrosoftCustomerAgreement"))));
        partnerCenter.verify(postRequestedFor(urlPathEqualTo(CUSTOMER + "/carts"))
                .withHeader("MS-RequestId", equalTo(IntakeSteps.requestId(instance.getId(), "azure-plan").toString()))
                .withRequestBody(matchingJsonPath("$.LineItems[0].CatalogItemId", equalTo("DZH318Z0BPS6:0001:DZH318Z0BML6"))));

        String definition = onlyPath(putRequestedFor(urlPathMatching(DEFINITIONS + ".*")));
        String assignment = onlyPath(putRequestedFor(urlPathMatching(ASSIGNMENTS + ".*")));
        assertThat(requests(arm)).containsExactly("POST /" + TENANT + "/oauth2/v2.0/token", "PUT " + definition, "PUT " + assignment,
                "POST /" + IntakeWireMock.MSP_TENANT + "/oauth2/v2.0/token", "GET " + SUBSCRIPTION,
                "GET " + SUBSCRIPTION + "/resourcegroups/rg-acme-ops", "GET " + AUTOMATION, "GET " + WORKSPACE, "GET " + ACTION_GROUP);
        arm.verify(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=" + IntakeWireMock.MSP_CLIENT)));
        arm.verify(putRequestedFor(urlPathEqualTo(definition)).withQueryParam("api-version", equalTo("2022-10-01"))
                .withHeader("Authorization", equalTo("Bearer " + CUSTOMER_TENANT_TOKEN))
                .withRequestBody(matchingJsonPath("$.properties.managedByTenantId", equalTo(IntakeWireMock.MSP_TENANT)))
                .withRequestBody(matchingJsonPath("$.properties.registrationDefinitionName", equalTo("opsflow managed operations")))
                .withRequestBody(matchingJsonPath("$.properties.authorizations[0].roleDefinitionId", equalTo("acdd72a7-3385-48ef-bd42-f606fba81ae7"))));
        arm.verify(putRequestedFor(urlPathEqualTo(assignment)).withHeader("Authorization", equalTo("Bearer " + CUSTOMER_TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"properties\":{\"registrationDefinitionId\":\"" + definition + "\"}}")));
        arm.verify(5, getRequestedFor(urlPathMatching(SUBSCRIPTION + ".*")).withHeader("Authorization", equalTo("Bearer " + MSP_TOKEN)));

        assertThat(requests(gitHub)).containsExactly("GET " + REPO, "POST " + GENERATE, "GET " + REPO + "/branches/main",
                "GET " + REPO + "/branches/main", "GET " + REPO + "/contents/infra/main.parameters.json",
                "PUT " + REPO + "/contents/infra/main.parameters.json", "GET " + REPO + "/contents/opsflow.json",
                "PUT " + REPO + "/contents/opsflow.json", "POST " + REPO + "/merges");
        gitHub.verify(postRequestedFor(urlPathEqualTo(GENERATE)).withHeader("Authorization", equalTo("Bearer " + IntakeWireMock.GITHUB_TOKEN))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(matchingJsonPath("$.owner", equalTo("contoso-msp"))).withRequestBody(matchingJsonPath("$.name", equalTo("acme-azure-ops")))
                .withRequestBody(matchingJsonPath("$.include_all_branches", equalTo("true"))));
        JsonNode parameters = putFile("infra/main.parameters.json");
        assertThat(parameters.path("sha").asText()).as("the template's file is updated").isEqualTo("a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9");
        assertThat(content(parameters).at("/parameters/opsflowWebhookUrl/value").asText())
                .isEqualTo("https://opsflow.contoso-msp.example/webhooks/azure-monitor/acme");
        JsonNode target = putFile("opsflow.json");
        assertThat(target.has("sha")).as("a new file").isFalse();
        assertThat(target.path("branch").asText()).isEqualTo("main");
        assertThat(content(target).path("subscriptionId").asText()).isEqualTo(SUB);
        assertThat(content(target).path("run").asBoolean()).isTrue();
        gitHub.verify(postRequestedFor(urlPathEqualTo(REPO + "/merges")).withRequestBody(equalToJson(
                "{\"base\":\"production\",\"head\":\"main\",\"commit_message\":\"opsflow: open acme\"}")));

        assertThat(requests(circleCi)).containsExactly("GET " + PROJECT_PIPELINES, "GET " + PIPELINE, "GET " + WORKFLOWS,
                "GET " + PIPELINE, "GET " + WORKFLOWS);
        circleCi.verify(getRequestedFor(urlPathEqualTo(PROJECT_PIPELINES)).withQueryParam("branch", equalTo("production"))
                .withHeader("Circle-Token", equalTo(IntakeWireMock.CIRCLE_TOKEN)));

        assertThat(requests(serviceNow)).containsExactly("GET " + COMPANIES, "POST " + COMPANIES, "GET " + GROUPS, "POST " + GROUPS);
        serviceNow.verify(getRequestedFor(urlPathEqualTo(COMPANIES)).withQueryParam("sysparm_query", equalTo("name=ACME株式会社^ORDERBYsys_created_on"))
                .withHeader("Authorization", equalTo(IntakeWireMock.SERVICENOW_BASIC)));
        serviceNow.verify(postRequestedFor(urlPathEqualTo(COMPANIES)).withRequestBody(matchingJsonPath("$.name", equalTo("ACME株式会社"))));
        serviceNow.verify(postRequestedFor(urlPathEqualTo(GROUPS)).withRequestBody(matchingJsonPath("$.name", equalTo("MSP Operations - ACME Corporation")))
                .withRequestBody(matchingJsonPath("$.company", equalTo(COMPANY))));

        ArgumentCaptor<Customer> registered = ArgumentCaptor.forClass(Customer.class);
        verify(customers).save(registered.capture());
        assertThat(registered.getValue().azure().tenantId()).isEqualTo(TENANT);
        assertThat(registered.getValue().azure().subscriptionIds()).containsExactly(SUB);
        assertThat(registered.getValue().azure().credential().type()).isEqualTo("lighthouse");
        assertThat(registered.getValue().servicenow()).isEqualTo(new Customer.ServiceNow(COMPANY, "MSP Operations - ACME Corporation"));
    }

    @Test
    void aCustomerThatBringsItsTenantIsVerifiedByAnArmReadUntilItsSubscriptionIsThere() {
        inTurn(arm, () -> get(urlPathEqualTo(SUBSCRIPTION)), "subscription", aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"SubscriptionNotFound\","
                        + "\"message\":\"The subscription '" + SUB + "' could not be found.\"}}"),
                okJson("{\"id\":\"" + SUBSCRIPTION + "\",\"subscriptionId\":\"" + SUB + "\",\"state\":\"Enabled\"}"));
        Map<String, Object> request = request();
        request.put("tenantMode", "existing");
        ProcessInstance instance = driver.start(request);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant");
        driver.complete(instance, Map.of("azureTenantId", TENANT, "azureSubscriptionId", SUB));
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_EnterTenant").variables()
                .containsEntry("intakeProblem", "テナント " + TENANT + " にサブスクリプション " + SUB + " が見つかりません");
        driver.complete(instance, Map.of("azureTenantId", TENANT, "azureSubscriptionId", SUB));
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasPassed("ServiceTask_VerifyCustomerTenant",
                "ServiceTask_DelegateAzureAccess").hasNotPassed("ServiceTask_CreateCustomerTenant");
        assertThat(requests(partnerCenter)).isEmpty();
        assertThat(requests(arm)).startsWith("POST /" + TENANT + "/oauth2/v2.0/token", "GET " + SUBSCRIPTION, "GET " + SUBSCRIPTION)
                .contains("POST /" + IntakeWireMock.MSP_TENANT + "/oauth2/v2.0/token").hasSize(11);
        arm.verify(2, getRequestedFor(urlPathEqualTo(SUBSCRIPTION)).withHeader("Authorization", equalTo("Bearer " + CUSTOMER_TENANT_TOKEN)));
        arm.verify(1, getRequestedFor(urlPathEqualTo(SUBSCRIPTION)).withHeader("Authorization", equalTo("Bearer " + MSP_TOKEN)));
        arm.verify(1, putRequestedFor(urlPathMatching(ASSIGNMENTS + ".*")));
    }

    @Test
    void aRepositoryFromTheTemplateIsAdoptedWithoutAsking() {
        gitHub.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(body("github/repo-create-from-template.exchange.json", -1))));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasNotPassed("UserTask_ResolveRepositoryName");
        assertThat(requests(gitHub)).startsWith("GET " + REPO, "GET " + REPO + "/branches/main").doesNotContain("POST " + GENERATE);
    }

    @Test
    void aRepositoryMadeOtherwiseGoesToAPersonWhoAdoptsIt() throws Exception {
        ObjectNode foreign = (ObjectNode) JSON.readTree(body("github/repo-create-from-template.exchange.json", -1));
        foreign.putNull("template_repository");
        gitHub.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(foreign.toString())));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ResolveRepositoryName").variables()
                .containsEntry("intakeProblem", "GitHub リポジトリ contoso-msp/acme-azure-ops は既にあり、"
                        + "contoso-msp/azure-landing-zone-template から作られたものではありません")
                .containsEntry("repositoryUrl", "https://github.com/contoso-msp/acme-azure-ops");
        driver.complete(instance, Map.of("repositoryName", "acme-azure-ops", "intakeDecision", "adopt"));
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        assertThat(requests(gitHub)).startsWith("GET " + REPO, "GET " + REPO, "GET " + REPO + "/branches/main")
                .doesNotContain("POST " + GENERATE).endsWith("POST " + REPO + "/merges");
    }

    @Test
    void aHeldPipelineIsApprovedThroughCircleCiAndThenSucceeds() {
        String held = body("circleci/pipeline-workflows.exchanges.json", 0).replace("\"running\"", "\"on_hold\"");
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("hold").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("circleci/pipeline-workflows.exchanges.json", 0)).willSetStateTo("held"));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("hold").whenScenarioStateIs("held").willReturn(okJson(held)));
        circleCi.stubFor(post(urlPathEqualTo(WORKFLOW + "/approve/3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b")).inScenario("hold")
                .whenScenarioStateIs("held").willReturn(answer(FOLLOW, 3)).willSetStateTo("approved"));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("hold").whenScenarioStateIs("approved")
                .willReturn(answer("circleci/pipeline-workflows.exchanges.json", 1)));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOW)).willReturn(answer(FOLLOW, 0)));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOW + "/job")).withQueryParam("page-token", absent()).willReturn(answer(FOLLOW, 1)));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOW + "/job")).withQueryParam("page-token", equalTo("page2")).willReturn(answer(FOLLOW, 2)));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ApprovePipeline").variables()
                .containsEntry("approvalRequestId", "3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b")
                .containsEntry("pipelineUrl", WORKFLOW_URL + "1/workflows/" + WORKFLOW_ID);
        driver.complete(instance, Map.of("pipelineApproved", true));
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasPassed("ServiceTask_ApprovePipeline");
        List<String> jobs = List.of("GET " + WORKFLOW, "GET " + WORKFLOW + "/job", "GET " + WORKFLOW + "/job");
        assertThat(requests(circleCi)).containsExactly("GET " + PROJECT_PIPELINES, "GET " + PIPELINE, "GET " + WORKFLOWS,
                "GET " + PIPELINE, "GET " + WORKFLOWS, jobs.get(0), jobs.get(1), jobs.get(2), jobs.get(0), jobs.get(1), jobs.get(2),
                "POST " + WORKFLOW + "/approve/3a5c7e9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b", "GET " + PIPELINE, "GET " + WORKFLOWS);
        circleCi.verify(postRequestedFor(urlPathMatching(WORKFLOW + "/approve/.*")).withHeader("Circle-Token", equalTo(IntakeWireMock.CIRCLE_TOKEN)));
    }

    @Test
    void aFailedPipelineShowsTheFailedJobAndTheOperatorsRetryReRunsItToSuccess() {
        String workflows = "circleci/pipeline-workflows.exchanges.json";
        String failed = body(workflows, 0).replace("\"running\"", "\"failed\"");
        String failedWorkflow = exchange(workflows, 0).at("/response/body/items/0").toString().replace("\"running\"", "\"failed\"");
        String rerunRunning = "{\"next_page_token\":null,\"items\":[" + exchange(workflows, 0).at("/response/body/items/0").toString()
                .replace(WORKFLOW_ID, RERUN_WORKFLOW_ID) + "," + failedWorkflow + "]}";
        String rerunSucceeded = "{\"next_page_token\":null,\"items\":[" + exchange(workflows, 1).at("/response/body/items/0").toString()
                .replace(WORKFLOW_ID, RERUN_WORKFLOW_ID) + "," + failedWorkflow + "]}";
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("rerun").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(failed)));
        circleCi.stubFor(post(urlPathEqualTo(WORKFLOW + "/rerun")).inScenario("rerun").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(FOLLOW, 4)).willSetStateTo("rerun"));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("rerun").whenScenarioStateIs("rerun").willReturn(okJson(rerunRunning))
                .willSetStateTo("rerun looked at"));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOWS)).inScenario("rerun").whenScenarioStateIs("rerun looked at")
                .willReturn(okJson(rerunSucceeded)));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOW)).willReturn(okJson(body(FOLLOW, 0).replace("\"on_hold\"", "\"failed\""))));
        circleCi.stubFor(get(urlPathEqualTo(WORKFLOW + "/job")).willReturn(okJson("{\"next_page_token\":null,\"items\":[{\"job_number\":12,"
                + "\"id\":\"7c9e1b3d-5f7a-4c2e-8b0d-4f6a8c0e2b4d\",\"name\":\"deploy\",\"status\":\"failed\",\"type\":\"build\"}]}")));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_PipelineFailed").variables()
                .containsEntry("intakeProblem", "パイプライン 1 のワークフロー bootstrap が failed で終了しました (ジョブ deploy が失敗)")
                .containsEntry("pipelineUrl", WORKFLOW_URL + "3/workflows/" + WORKFLOW_ID + "/jobs/12");
        driver.complete(instance, Map.of("intakeDecision", "retry"));
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem").hasPassed("ServiceTask_RerunPipeline");
        assertThat(requests(circleCi)).containsExactly("GET " + PROJECT_PIPELINES, "GET " + PIPELINE, "GET " + WORKFLOWS, "GET " + WORKFLOW,
                "GET " + WORKFLOW + "/job", "POST " + WORKFLOW + "/rerun", "GET " + PIPELINE, "GET " + WORKFLOWS, "GET " + PIPELINE,
                "GET " + WORKFLOWS);
        circleCi.verify(postRequestedFor(urlPathEqualTo(WORKFLOW + "/rerun")).withRequestBody(equalToJson("{\"from_failed\":true}")));
    }

    @Test
    void aMissingActionGroupIsListedForAPersonAndFoundOnTheRecheck() {
        inTurn(arm, () -> get(urlPathEqualTo(ACTION_GROUP)), "action-group", aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(body("azure/resource-get-by-id.exchanges.json", 1)),
                okJson(actionGroup()));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);
        assertThat(instance).isWaitingAt("UserTask_ResourcesMissing").variables().containsEntry("missingResources", ACTION_GROUP)
                .containsEntry("resourcesComplete", false);
        driver.complete(instance, Map.of("intakeDecision", "retry"));
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        arm.verify(2, getRequestedFor(urlPathEqualTo(ACTION_GROUP)).withQueryParam("api-version", equalTo("2023-01-01"))
                .withHeader("Authorization", equalTo("Bearer " + MSP_TOKEN)));
        arm.verify(2, getRequestedFor(urlPathEqualTo(AUTOMATION)).withQueryParam("api-version", equalTo("2023-11-01")));
        arm.verify(2, getRequestedFor(urlPathEqualTo(SUBSCRIPTION + "/resourcegroups/rg-acme-ops")));
    }

    /** Each creating call's answer is lost after the server acted (a connection reset); the job's retry must not create twice. */
    @Test
    void stepsReRunAfterACrashCreateNothingTwice() {
        partnerCenter.stubFor(post(urlPathEqualTo(CUSTOMERS)).inScenario("tenant").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        partnerCenter.stubFor(get(urlPathEqualTo(CUSTOMERS)).inScenario("tenant").whenScenarioStateIs("created").willReturn(okJson(
                "{\"totalCount\":1,\"items\":[" + body("partner-center/customer-get.exchange.json", -1) + "]}")));
        gitHub.stubFor(post(urlPathEqualTo(GENERATE)).inScenario("repository").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("generated"));
        gitHub.stubFor(get(urlPathEqualTo(REPO)).inScenario("repository").whenScenarioStateIs("generated")
                .willReturn(okJson(body("github/repo-create-from-template.exchange.json", -1))));
        arm.stubFor(put(urlPathMatching(ASSIGNMENTS + ".*")).inScenario("assignment").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("assigned"));
        ProcessInstance instance = driver.start(request());
        driver.drive(instance);

        assertThat(instance).isWaitingAt("UserTask_CompleteChecklistItem");
        for (String step : List.of("ServiceTask_CreateCustomerTenant", "ServiceTask_CreateOperationsRepository", "ServiceTask_DelegateAzureAccess")) {
            assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId()).activityIdIn(step)
                    .failureLog().count()).as("the crash of " + step).isEqualTo(1);
        }
        partnerCenter.verify(1, postRequestedFor(urlPathEqualTo(CUSTOMERS)));
        assertThat(requests(partnerCenter)).containsSubsequence("POST " + CUSTOMERS, "GET " + CUSTOMERS, "GET /v1/agreements");
        gitHub.verify(1, postRequestedFor(urlPathEqualTo(GENERATE)));
        assertThat(requests(gitHub)).startsWith("GET " + REPO, "POST " + GENERATE, "GET " + REPO, "GET " + REPO + "/branches/main");
        List<String> puts = requests(arm).stream().filter(r -> r.startsWith("PUT ")).toList();
        assertThat(puts).hasSize(4);
        assertThat(puts.get(0)).startsWith("PUT " + DEFINITIONS);
        assertThat(puts.get(1)).startsWith("PUT " + ASSIGNMENTS);
        assertThat(puts.subList(2, 4)).as("the retry puts the same definition and assignment again").isEqualTo(puts.subList(0, 2));
    }

    private static Map<String, Object> request() {
        Map<String, Object> request = IntakeProcessTest.request();
        request.put("domainPrefix", "acmecorpjp");
        return request;
    }

    private static String onlyPath(RequestPatternBuilder pattern) {
        List<String> paths = arm.findAll(pattern).stream().map(r -> r.getUrl().replaceAll("\\?.*", "")).toList();
        assertThat(paths).hasSize(1);
        return paths.get(0);
    }

    private static JsonNode putFile(String path) throws Exception {
        return JSON.readTree(gitHub.findAll(putRequestedFor(urlPathEqualTo(REPO + "/contents/" + path))).get(0).getBodyAsString());
    }

    private static JsonNode content(JsonNode put) throws Exception {
        return JSON.readTree(new String(Base64.getDecoder().decode(put.path("content").asText()), StandardCharsets.UTF_8));
    }
}
