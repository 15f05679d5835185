package io.opsflow.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.github.GitHubContracts.REPO;
import static io.opsflow.github.GitHubContracts.exchange;
import static io.opsflow.github.GitHubContracts.response;
import static io.opsflow.github.HttpGitHubTest.json;
import static io.opsflow.github.HttpGitHubTest.withGitHubHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.outbound.VirtualTime;

/** Branch merges and pull-request merges against WireMock speaking the contract examples. */
class HttpGitHubMergeTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String MERGES = REPO + "/merges";
    private static final String PULLS = REPO + "/pulls";
    private static final String HEAD = "handover/acme-monitoring";
    private static final String HEAD_SHA = "5f7b9d1f3c5e7a9b1d3f5a7c9e1b3d5f7a9c1e3b";

    private final VirtualTime time = new VirtualTime();
    private final GitHub github = GitHubContracts.client(wireMock, time);

    @Test
    void mergeBranchAnswers201WithTheMergeCommit() {
        wireMock.stubFor(post(MERGES).willReturn(json(201, response("branch-merge.exchanges.json", 0))));

        Merge merge = github.mergeBranch("contoso-msp", "acme-azure-ops", "customer/acme", "main",
                "opsflow: merge main into customer/acme");

        wireMock.verify(withGitHubHeaders(postRequestedFor(urlPathEqualTo(MERGES))).withRequestBody(equalToJson(
                exchange("branch-merge.exchanges.json").at("/exchanges/0/request/body").toString())));
        assertThat(merge).isEqualTo(new Merge("2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f", false));
    }

    @Test
    void mergeBranchAnswers204AsNothingToMerge() {
        wireMock.stubFor(post(MERGES).willReturn(json(204, "")));

        assertThat(github.mergeBranch("contoso-msp", "acme-azure-ops", "customer/acme", "main", "m"))
                .isEqualTo(new Merge(null, true));
    }

    @Test
    void mergeBranchAnswers409AsAConflict() {
        wireMock.stubFor(post(MERGES).willReturn(json(409, response("branch-merge.exchanges.json", 2))));

        assertThatThrownBy(() -> github.mergeBranch("contoso-msp", "acme-azure-ops", "customer/acme", "main", "m"))
                .isInstanceOf(MergeConflictException.class).hasMessageContaining("customer/acme");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(MERGES)));
    }

    @Test
    void aNewPullRequestIsMergedAtTheHeadShaOnceGitHubKnowsItIsMergeable() {
        wireMock.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[]")));
        wireMock.stubFor(post(PULLS).willReturn(json(201, response("pull-create.exchanges.json", 0))));
        ObjectNode known = (ObjectNode) exchange("pull-create.exchanges.json").at("/exchanges/0/response/body");
        known.put("mergeable", true).put("mergeable_state", "clean");
        GitHubContracts.stubInTurn(wireMock, () -> get(PULLS + "/7"), "mergeable",
                okJson(response("pull-create.exchanges.json", 0)), okJson(known.toString()));
        wireMock.stubFor(put(PULLS + "/7/merge").willReturn(okJson(response("pull-merge.exchanges.json", 0))));
        String body = exchange("pull-create.exchanges.json").at("/exchanges/0/request/body/body").asText();

        Merge merge = github.mergeByPullRequest("contoso-msp", "acme-azure-ops", "main", HEAD, "Handover: monitoring for acme", body);

        wireMock.verify(withGitHubHeaders(getRequestedFor(urlPathEqualTo(PULLS)))
                .withQueryParam("head", equalTo("contoso-msp:" + HEAD)).withQueryParam("base", equalTo("main"))
                .withQueryParam("state", equalTo("open")));
        wireMock.verify(postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson("""
                {"title":"Handover: monitoring for acme","head":"%s","base":"main","body":%s}"""
                .formatted(HEAD, new com.fasterxml.jackson.databind.node.TextNode(body)))));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(PULLS + "/7")));
        assertThat(time.waits()).containsExactly(Duration.ofMillis(10));
        wireMock.verify(withGitHubHeaders(putRequestedFor(urlPathEqualTo(PULLS + "/7/merge"))).withRequestBody(equalToJson("""
                {"commit_title":"Handover: monitoring for acme (#7)","sha":"%s","merge_method":"merge"}""".formatted(HEAD_SHA))));
        assertThat(merge).isEqualTo(new Merge("8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e", false));
    }

    @Test
    void theOpenPullRequestIsReusedAnd405IsAConflict() {
        ObjectNode open = (ObjectNode) exchange("pull-create.exchanges.json").at("/exchanges/0/response/body");
        open.put("number", 8).put("mergeable", true);
        wireMock.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[" + open + "]")));
        wireMock.stubFor(get(PULLS + "/8").willReturn(okJson(open.toString())));
        wireMock.stubFor(put(PULLS + "/8/merge").willReturn(json(405, response("pull-merge.exchanges.json", 1))));

        assertThatThrownBy(() -> github.mergeByPullRequest("contoso-msp", "acme-azure-ops", "main", HEAD, "t", "b"))
                .isInstanceOf(MergeConflictException.class).hasMessageContaining("#8").hasMessageContaining("not mergeable");
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void noCommitsBetweenIsNothingToMerge() {
        wireMock.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[]")));
        wireMock.stubFor(post(PULLS).willReturn(json(422, """
                {"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom",
                "message":"No commits between main and handover/acme-monitoring"}],"status":"422"}""")));

        assertThat(github.mergeByPullRequest("contoso-msp", "acme-azure-ops", "main", HEAD, "t", "b"))
                .isEqualTo(new Merge(null, true));
    }
}
