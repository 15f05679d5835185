package io.opsflow.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.github.GitHubContracts.REPO;
import static io.opsflow.github.GitHubContracts.TOKEN;
import static io.opsflow.github.GitHubContracts.exchange;
import static io.opsflow.github.GitHubContracts.response;
import static io.opsflow.github.GitHubContracts.stubInTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/** Repositories, branches and files against WireMock speaking the contract examples. Merges: {@link HttpGitHubMergeTest}. */
class HttpGitHubTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TEMPLATE = "/repos/contoso-msp/azure-landing-zone-template";
    private static final String FILE = REPO + "/contents/handover/monitoring.json";

    private final VirtualTime time = new VirtualTime();
    private final GitHub github = GitHubContracts.client(wireMock, time);

    static RequestPatternBuilder withGitHubHeaders(RequestPatternBuilder request) {
        return request.withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    @Test
    void repositoryReadsTheTemplateAndIsEmptyOn404() {
        wireMock.stubFor(get(TEMPLATE).willReturn(okJson(response("repo-get-template.exchange.json", -1))));
        wireMock.stubFor(get(REPO).willReturn(notFound()));

        Repository template = github.repository("contoso-msp", "azure-landing-zone-template").orElseThrow();

        wireMock.verify(withGitHubHeaders(getRequestedFor(urlPathEqualTo(TEMPLATE))).withHeader("User-Agent", equalTo("opsflow")));
        assertThat(template).isEqualTo(new Repository("contoso-msp", "azure-landing-zone-template",
                "contoso-msp/azure-landing-zone-template", "main", "https://github.com/contoso-msp/azure-landing-zone-template",
                true, null));
        assertThat(github.repository("contoso-msp", "acme-azure-ops")).isEmpty();
    }

    @Test
    void generateFromTemplatePostsTheNewRepositoryWithAllBranches() {
        wireMock.stubFor(post(TEMPLATE + "/generate").willReturn(json(201, response("repo-create-from-template.exchange.json", -1))));

        Repository created = github.generateFromTemplate("contoso-msp/azure-landing-zone-template", "contoso-msp",
                "acme-azure-ops", "ACME Corporation - Azure operations (created by opsflow intake)");

        ObjectNode expected = (ObjectNode) exchange("repo-create-from-template.exchange.json").at("/request/body");
        expected.put("include_all_branches", true);
        wireMock.verify(withGitHubHeaders(postRequestedFor(urlPathEqualTo(TEMPLATE + "/generate")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(expected.toString())));
        assertThat(created.fullName()).isEqualTo("contoso-msp/acme-azure-ops");
        assertThat(created.defaultBranch()).isEqualTo("main");
        assertThat(created.template()).isFalse();
        assertThat(created.templateFullName()).isEqualTo("contoso-msp/azure-landing-zone-template");
    }

    @Test
    void generateAnswers422ExistsAsRepositoryExistsAnd404AsAPermanentFaultNamingTheTemplate() {
        wireMock.stubFor(post(TEMPLATE + "/generate").willReturn(json(422, """
                {"message":"Repository creation failed.","errors":[{"resource":"Repository","code":"custom","field":"name",
                "message":"name already exists on this account"}],"status":"422"}""")));
        wireMock.stubFor(post("/repos/contoso-msp/missing-template/generate").willReturn(json(404, """
                {"message":"Not Found","status":"404"}""")));

        assertThatThrownBy(() -> github.generateFromTemplate("contoso-msp/azure-landing-zone-template", "contoso-msp",
                "acme-azure-ops", "d")).isInstanceOf(RepositoryExistsException.class).hasMessageContaining("contoso-msp/acme-azure-ops");
        assertThatThrownBy(() -> github.generateFromTemplate("contoso-msp/missing-template", "contoso-msp", "acme-azure-ops", "d"))
                .isInstanceOf(GitHubException.class).hasMessageContaining("contoso-msp/missing-template")
                .matches(PermanentFault::isPermanent);
    }

    @Test
    void branchExistsOnceGenerationHasFinished() {
        String path = REPO + "/branches/main";
        wireMock.stubFor(get(path).inScenario("generate").whenScenarioStateIs(STARTED).willSetStateTo("done")
                .willReturn(json(404, response("branch-get-after-generate.exchanges.json", 0))));
        wireMock.stubFor(get(path).inScenario("generate").whenScenarioStateIs("done")
                .willReturn(okJson(response("branch-get-after-generate.exchanges.json", 1))));

        assertThat(github.branchExists("contoso-msp", "acme-azure-ops", "main")).isFalse();
        assertThat(github.branchExists("contoso-msp", "acme-azure-ops", "main")).isTrue();
    }

    @Test
    void putFileCreatesANewFileWithoutSha() {
        String requestContent = exchange("contents-create-file.exchange.json").at("/request/body/content").asText();
        wireMock.stubFor(get(urlPathEqualTo(FILE)).willReturn(notFound()));
        wireMock.stubFor(put(FILE).willReturn(json(201, response("contents-create-file.exchange.json", -1))));

        var commit = github.putFile("contoso-msp", "acme-azure-ops", "handover/acme-monitoring", "handover/monitoring.json",
                Base64.getDecoder().decode(requestContent), "handover: monitoring configuration for acme (opsflow)");

        wireMock.verify(withGitHubHeaders(getRequestedFor(urlPathEqualTo(FILE)))
                .withQueryParam("ref", equalTo("handover/acme-monitoring")));
        wireMock.verify(withGitHubHeaders(putRequestedFor(urlPathEqualTo(FILE))).withRequestBody(equalToJson("""
                {"message":"handover: monitoring configuration for acme (opsflow)","content":"%s",
                 "branch":"handover/acme-monitoring"}""".formatted(requestContent))));
        assertThat(commit).hasValue("4e6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a");
    }

    @Test
    void putFileCommitsNothingWhenTheFileHoldsTheContentAlready() {
        String lines = exchange("contents-update-file.exchanges.json").at("/exchanges/0/response/body/content").asText();
        wireMock.stubFor(get(urlPathEqualTo(FILE)).willReturn(okJson(response("contents-update-file.exchanges.json", 0))));

        RepositoryFile file = github.file("contoso-msp", "acme-azure-ops", "handover/acme-monitoring", "handover/monitoring.json")
                .orElseThrow();
        var commit = github.putFile("contoso-msp", "acme-azure-ops", "handover/acme-monitoring", "handover/monitoring.json",
                Base64.getMimeDecoder().decode(lines), "unchanged");

        assertThat(file.sha()).isEqualTo("a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).startsWith("{\n  \"customer\": \"acme\"");
        assertThat(commit).isEmpty();
        wireMock.verify(0, putRequestedFor(urlPathEqualTo(FILE)));
    }

    @Test
    void putFileReadsTheShaAgainOnceWhenItWentStale() {
        String file = "contents-update-file.exchanges.json";
        byte[] content = Base64.getDecoder().decode(exchange(file).at("/exchanges/1/request/body/content").asText());
        ObjectNode moved = (ObjectNode) exchange(file).at("/exchanges/0/response/body");
        moved.put("sha", "b2e4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0");
        moved.put("content", Base64.getEncoder().encodeToString("{\"someone\":\"else\"}".getBytes(StandardCharsets.UTF_8)));
        stubInTurn(wireMock, () -> get(urlPathEqualTo(FILE)), "read", okJson(response(file, 0)), okJson(moved.toString()));
        stubInTurn(wireMock, () -> put(FILE), "write", json(409, response(file, 2)), okJson(response(file, 1)));

        var commit = github.putFile("contoso-msp", "acme-azure-ops", "handover/acme-monitoring", "handover/monitoring.json",
                content, "handover: add disk alert for acme");

        wireMock.verify(putRequestedFor(urlPathEqualTo(FILE)).withRequestBody(matchingJsonPath("$.sha",
                equalTo("a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9"))));
        wireMock.verify(putRequestedFor(urlPathEqualTo(FILE)).withRequestBody(matchingJsonPath("$.sha",
                equalTo("b2e4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0"))));
        assertThat(commit).hasValue("5f7b9d1f3c5e7a9b1d3f5a7c9e1b3d5f7a9c1e3b");
    }

    @Test
    void putFileReadsAgainWhenTheFileAppearedSinceItWasRead() {
        String file = "contents-update-file.exchanges.json";
        byte[] content = Base64.getDecoder().decode(exchange(file).at("/exchanges/1/request/body/content").asText());
        stubInTurn(wireMock, () -> get(urlPathEqualTo(FILE)), "read", notFound(), okJson(response(file, 0)));
        stubInTurn(wireMock, () -> put(FILE), "write", json(422, response(file, 3)), okJson(response(file, 1)));

        var commit = github.putFile("contoso-msp", "acme-azure-ops", "handover/acme-monitoring", "handover/monitoring.json",
                content, "handover: add disk alert for acme");

        wireMock.verify(putRequestedFor(urlPathEqualTo(FILE)).withRequestBody(equalToJson(
                exchange(file).at("/exchanges/3/request/body").toString())));
        wireMock.verify(putRequestedFor(urlPathEqualTo(FILE)).withRequestBody(matchingJsonPath("$.sha",
                equalTo("a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9"))));
        assertThat(commit).hasValue("5f7b9d1f3c5e7a9b1d3f5a7c9e1b3d5f7a9c1e3b");
    }

    @Test
    void anExhaustedRateLimitIsWaitedOutUntilItsReset() {
        long reset = time.now().getEpochSecond() + 1;
        stubInTurn(wireMock, () -> get(TEMPLATE), "limit", json(403, "{\"message\":\"API rate limit exceeded\"}")
                        .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset)),
                okJson(response("repo-get-template.exchange.json", -1)));

        assertThat(github.repository("contoso-msp", "azure-landing-zone-template")).isPresent();

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(TEMPLATE)));
    }

    @Test
    void aRefusedTokenIsAPermanentFault() {
        wireMock.stubFor(get(TEMPLATE).willReturn(json(401, "{\"message\":\"Bad credentials\",\"status\":\"401\"}")));

        assertThatThrownBy(() -> github.repository("contoso-msp", "azure-landing-zone-template"))
                .isInstanceOf(GitHubException.class).hasMessageContaining("HTTP 401: Bad credentials")
                .matches(PermanentFault::isPermanent);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TEMPLATE)));
    }
}
