package io.opsflow.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/** The GitHub contract examples (copied into test resources) and a client pointed at WireMock. */
final class GitHubContracts {

    static final String TOKEN = "github_pat_test";
    static final String REPO = "/repos/contoso-msp/acme-azure-ops";
    static final GitHubProperties PROPERTIES = new GitHubProperties("unused", "2022-11-28", "UNUSED", Duration.ofSeconds(1),
            Duration.ofSeconds(2), 5, Duration.ofMillis(10),
            new GitHubProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubContracts() {
    }

    static JsonNode exchange(String file) {
        try (InputStream in = GitHubContracts.class.getResourceAsStream("/contracts/github/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response body of an exchange file's {@code /exchanges/i} (or the single exchange's with i = -1). */
    static String response(String file, int i) {
        return exchange(file).at(i < 0 ? "/response/body" : "/exchanges/" + i + "/response/body").toString();
    }

    static GitHub client(WireMockExtension wireMock, Timing timing) {
        GitHubEndpoint endpoint = GitHubEndpoint.of(wireMock::baseUrl, () -> TOKEN);
        return GitHubConfiguration.create(new OutboundClient(WebClient.builder(), PROPERTIES, timing), endpoint, PROPERTIES,
                timing);
    }

    /** Answers in turn, the last one from then on. */
    static void stubInTurn(WireMockExtension wireMock, Supplier<MappingBuilder> request, String scenario,
            ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : scenario + i).willReturn(answers[i]);
            wireMock.stubFor(i + 1 < answers.length ? stub.willSetStateTo(scenario + (i + 1)) : stub);
        }
    }
}
