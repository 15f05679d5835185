package io.opsflow.customerintake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The five systems answering one CSP intake from start to handover, from the contracts' examples (copied
 * under {@code src/test/resources/contracts/}); a test adds the answers its scenario changes (WireMock
 * answers with the newest matching stub). What the examples name otherwise is adjusted where noted.
 */
final class IntakeStubs {

    static final String TENANT = "a1c2e3f4-5b6d-4e7f-8091-a2b3c4d5e6f7";
    static final String SUB = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final String PC_TOKEN = "/" + IntakeWireMock.MSP_TENANT + "/oauth2/token";
    static final String CUSTOMERS = "/v1/customers";
    static final String CUSTOMER = CUSTOMERS + "/" + TENANT;
    static final String REPO = "/repos/contoso-msp/acme-azure-ops";
    static final String GENERATE = "/repos/contoso-msp/azure-landing-zone-template/generate";
    static final String MERGE_SHA = "2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f";
    static final String PIPELINE = "/api/v2/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b";
    static final String WORKFLOW_ID = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";
    static final String WORKFLOW = "/api/v2/workflow/" + WORKFLOW_ID;
    static final String RERUN_WORKFLOW_ID = "2b4d6f8a-0c1e-4a3b-9d5f-7a9b1c3d5e7f";
    static final String SUBSCRIPTION = "/subscriptions/" + SUB;
    static final String DEFINITIONS = SUBSCRIPTION + "/providers/Microsoft.ManagedServices/registrationDefinitions/";
    static final String ASSIGNMENTS = SUBSCRIPTION + "/providers/Microsoft.ManagedServices/registrationAssignments/";
    static final String RESOURCE_GROUP = SUBSCRIPTION + "/resourceGroups/rg-acme-ops";
    static final String AUTOMATION = RESOURCE_GROUP + "/providers/Microsoft.Automation/automationAccounts/aa-acme-ops";
    static final String WORKSPACE = RESOURCE_GROUP + "/providers/Microsoft.OperationalInsights/workspaces/log-acme-ops";
    static final String ACTION_GROUP = RESOURCE_GROUP + "/providers/Microsoft.Insights/actionGroups/ag-acme-opsflow";
    static final String CUSTOMER_TENANT_TOKEN = "token-from-the-customers-tenant";
    static final String MSP_TOKEN = "token-from-the-msp-tenant";
    static final String COMPANIES = "/api/now/table/core_company";
    static final String GROUPS = "/api/now/table/sys_user_group";
    static final String COMPANY = "31bea3d53790200044e0bfc8bcbe5dec";
    static final String EMPTY_PC_LIST = "{\"totalCount\":0,\"items\":[],\"attributes\":{\"objectType\":\"Collection\"}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension partnerCenter;
    private final WireMockExtension gitHub;
    private final WireMockExtension circleCi;
    private final WireMockExtension arm;
    private final WireMockExtension serviceNow;

    IntakeStubs(WireMockExtension partnerCenter, WireMockExtension gitHub, WireMockExtension circleCi, WireMockExtension arm,
            WireMockExtension serviceNow) {
        this.partnerCenter = partnerCenter;
        this.gitHub = gitHub;
        this.circleCi = circleCi;
        this.arm = arm;
        this.serviceNow = serviceNow;
    }

    void all() {
        partnerCenter();
        lighthouse();
        repository();
        pipeline();
        resources();
        serviceNow();
    }

    /**
     * A new customer and its Azure plan: no customer with the domain, the domain free, then the Azure plan's
     * subscription not yet there at the order nor at the first look after it, there at the second.
     */
    void partnerCenter() {
        partnerCenter.stubFor(post(urlPathEqualTo(PC_TOKEN)).willReturn(answer("partner-center/token-app-user-refresh.exchange.json", -1)));
        partnerCenter.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(okJson(EMPTY_PC_LIST)));
        partnerCenter.stubFor(head(urlPathEqualTo("/v1/domains/acmecorpjp.onmicrosoft.com")).willReturn(aResponse().withStatus(404)));
        partnerCenter.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(answer("partner-center/customer-create.exchange.json", -1)));
        for (int i = 0; i < 4; i++) {
            String catalog = "partner-center/catalog-and-agreement-metadata.exchanges.json";
            partnerCenter.stubFor(get(urlPathEqualTo(path(catalog, i))).willReturn(answer(catalog, i)));
        }
        partnerCenter.stubFor(post(urlPathEqualTo(CUSTOMER + "/agreements"))
                .willReturn(answer("partner-center/customer-agreement-confirm.exchange.json", -1)));
        String ordering = "partner-center/azure-plan-cart-checkout.exchanges.json";
        partnerCenter.stubFor(post(urlPathEqualTo(path(ordering, 0))).willReturn(answer(ordering, 0)));
        partnerCenter.stubFor(post(urlPathEqualTo(path(ordering, 1))).willReturn(answer(ordering, 1)));
        String plan = "partner-center/customer-subscriptions-and-azure-entitlements.exchanges.json";
        inTurn(partnerCenter, () -> get(urlPathEqualTo(CUSTOMER + "/subscriptions")), "azure-plan", okJson(EMPTY_PC_LIST),
                okJson(EMPTY_PC_LIST), answer(plan, 0));
        partnerCenter.stubFor(get(urlPathEqualTo(path(plan, 1))).willReturn(answer(plan, 1)));
    }

    /** The MSP app's tokens from the customer's tenant and from its own; the delegation's PUTs; the subscription read. */
    void lighthouse() {
        arm.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(token(CUSTOMER_TENANT_TOKEN)));
        arm.stubFor(post(urlPathEqualTo("/" + IntakeWireMock.MSP_TENANT + "/oauth2/v2.0/token")).willReturn(token(MSP_TOKEN)));
        String onboarding = "azure-lighthouse/onboard-acme-subscription.exchanges.json";
        arm.stubFor(put(urlPathMatching(DEFINITIONS + "[0-9a-f-]{36}")).willReturn(answer(onboarding, 0)));
        arm.stubFor(put(urlPathMatching(ASSIGNMENTS + "[0-9a-f-]{36}")).willReturn(answer(onboarding, 1)));
        arm.stubFor(get(urlPathEqualTo(SUBSCRIPTION)).willReturn(okJson("{\"id\":\"" + SUBSCRIPTION + "\",\"subscriptionId\":\"" + SUB
                + "\",\"displayName\":\"Microsoft Azure\",\"state\":\"Enabled\"}")));
    }

    /**
     * The repository made from the template, its branch there at the second look, the parameters file the
     * template holds updated and the deploy target created, master merged. The examples' file is
     * {@code handover/monitoring.json}; here it stands for the template's parameters file.
     */
    void repository() {
        gitHub.stubFor(get(urlPathEqualTo(REPO)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"status\":\"404\"}")));
        gitHub.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(answer("github/repo-create-from-template.exchange.json", -1)));
        String branch = "github/branch-get-after-generate.exchanges.json";
        inTurn(gitHub, () -> get(urlPathEqualTo(REPO + "/branches/main")), "branch", answer(branch, 0), answer(branch, 1));
        String update = "github/contents-update-file.exchanges.json";
        gitHub.stubFor(get(urlPathEqualTo(REPO + "/contents/infra/main.parameters.json")).withQueryParam("ref", equalTo("main"))
                .willReturn(answer(update, 0)));
        gitHub.stubFor(put(urlPathEqualTo(REPO + "/contents/infra/main.parameters.json")).willReturn(answer(update, 1)));
        gitHub.stubFor(get(urlPathEqualTo(REPO + "/contents/opsflow.json")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\",\"status\":\"404\"}")));
        gitHub.stubFor(put(urlPathEqualTo(REPO + "/contents/opsflow.json")).willReturn(answer("github/contents-create-file.exchange.json", -1)));
        gitHub.stubFor(post(urlPathEqualTo(REPO + "/merges")).willReturn(answer("github/branch-merge.exchanges.json", 0)));
    }

    /**
     * The pipeline the merge's push started (the example lists it under the pull request's merge commit; here
     * under the merge's), running at the first look and successful at the second.
     */
    void pipeline() {
        String follow = "circleci/workflow-jobs-approve-rerun.exchanges.json";
        circleCi.stubFor(get(urlPathEqualTo("/api/v2/project/gh/contoso-msp/acme-azure-ops/pipeline"))
                .withQueryParam("branch", equalTo("production"))
                .willReturn(okJson(body(follow, 5).replace("8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e", MERGE_SHA))));
        circleCi.stubFor(get(urlPathEqualTo(PIPELINE)).willReturn(answer("circleci/pipeline-get.exchange.json", -1)));
        String workflows = "circleci/pipeline-workflows.exchanges.json";
        inTurn(circleCi, () -> get(urlPathEqualTo(PIPELINE + "/workflow")), "workflows", answer(workflows, 0), answer(workflows, 1));
    }

    /** Everything the template deploys, its action group calling this customer's webhook (the example's calls another URL form). */
    void resources() {
        arm.stubFor(get(urlPathEqualTo(SUBSCRIPTION + "/resourcegroups/rg-acme-ops")).willReturn(okJson(
                body("azure/resource-group-get.exchanges.json", 0).replace("rg-acme-prod", "rg-acme-ops"))));
        arm.stubFor(get(urlPathEqualTo(AUTOMATION)).willReturn(okJson("{\"id\":\"" + AUTOMATION + "\",\"name\":\"aa-acme-ops\"}")));
        arm.stubFor(get(urlPathEqualTo(WORKSPACE)).willReturn(okJson("{\"id\":\"" + WORKSPACE + "\",\"name\":\"log-acme-ops\"}")));
        arm.stubFor(get(urlPathEqualTo(ACTION_GROUP)).willReturn(okJson(actionGroup())));
    }

    /** No company and no group of the customer's names yet: both created. */
    void serviceNow() {
        serviceNow.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(okJson("{\"result\":[]}")));
        serviceNow.stubFor(post(urlPathEqualTo(COMPANIES)).willReturn(created("{\"result\":{\"sys_id\":\"" + COMPANY + "\"}}")));
        serviceNow.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(okJson("{\"result\":[]}")));
        serviceNow.stubFor(post(urlPathEqualTo(GROUPS)).willReturn(created("{\"result\":{\"sys_id\":\"a2b4c6d8e0f24a6c8e0a2c4e6a8c0e2b\"}}")));
    }

    static String actionGroup() {
        return body("azure/action-group-opsflow-webhook.exchange.json", -1)
                .replace("https://opsflow.contoso-msp.example/webhooks/azure-monitor?customer=acme&key=<shared-secret>",
                        "https://opsflow.contoso-msp.example/webhooks/azure-monitor/acme");
    }

    /** Answers in turn, the last one from then on. */
    static void inTurn(WireMockExtension server, Supplier<MappingBuilder> request, String scenario, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : scenario + i).willReturn(answers[i]);
            server.stubFor(i + 1 < answers.length ? stub.willSetStateTo(scenario + (i + 1)) : stub);
        }
    }

    /** A file under {@code contracts/}: {@code system/name.json}. */
    static JsonNode fixture(String file) {
        try (InputStream in = IntakeStubs.class.getResourceAsStream("/contracts/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code i}-th exchange of a file, or its only one with i = -1. */
    static JsonNode exchange(String file, int i) {
        return i < 0 ? fixture(file) : fixture(file).path("exchanges").path(i);
    }

    static String body(String file, int i) {
        return exchange(file, i).at("/response/body").toString();
    }

    static ResponseDefinitionBuilder answer(String file, int i) {
        JsonNode response = exchange(file, i).path("response");
        ResponseDefinitionBuilder answer = aResponse().withStatus(response.path("status").asInt());
        return response.path("body").isMissingNode() || response.path("body").isNull() ? answer
                : answer.withHeader("Content-Type", "application/json; charset=utf-8").withBody(response.path("body").toString());
    }

    static ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String path(String file, int i) {
        return exchange(file, i).at("/request/path").asText().replaceAll("\\?.*", "");
    }

    private static ResponseDefinitionBuilder token(String accessToken) {
        return okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"" + accessToken + "\"}");
    }
}
