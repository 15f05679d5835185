package io.opsflow.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.slack.SlackContracts.ACME;
import static io.opsflow.slack.SlackContracts.PATH;
import static io.opsflow.slack.SlackContracts.SECRET;
import static io.opsflow.slack.SlackContracts.VARIABLE;
import static io.opsflow.slack.SlackContracts.notifier;
import static io.opsflow.slack.SlackContracts.shortMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The webhook URL is the credential: across success, rejection, 5xx, timeouts and resets it must
 * not reach a log line, an exception message or a stack trace (which Camunda stores with the incident).
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackWebhookSecrecyTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final Logger ADAPTER = (Logger) LoggerFactory.getLogger("io.opsflow.slack");
    private static Level rootLevel;
    private static Level adapterLevel;

    /**
     * Levels as the application runs (INFO), with the adapter itself at DEBUG so every line it can
     * write is checked. Without this the outcome would depend on whether a Spring test configured
     * logging earlier in the JVM; library DEBUG output (Reactor Netty logs request URLs) is covered
     * in docs/slack.md instead.
     */
    @BeforeAll
    static void logLikeTheApplication() {
        rootLevel = ROOT.getLevel();
        adapterLevel = ADAPTER.getLevel();
        ROOT.setLevel(Level.INFO);
        ADAPTER.setLevel(Level.DEBUG);
    }

    @AfterAll
    static void restoreLevels() {
        ROOT.setLevel(rootLevel);
        ADAPTER.setLevel(adapterLevel);
    }

    @Test
    void theUrlAppearsNeitherInLogsNorInExceptions(CapturedOutput output) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        assertThat(notifier(wireMock).notify(ACME, shortMessage())).isEqualTo(SlackDelivery.DELIVERED);

        assertSecretKept(failure(aResponse().withStatus(404).withBody("no_service")));
        assertSecretKept(failure(aResponse().withStatus(500).withBody("rollup_error")));
        assertSecretKept(failure(aResponse().withStatus(429).withHeader("Retry-After", "600")));
        assertSecretKept(failure(aResponse().withStatus(200).withBody("ok").withFixedDelay(1500)));
        assertSecretKept(failure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertSecretKept(failure(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(output.getAll()).contains(VARIABLE).doesNotContain(SECRET).doesNotContain(PATH);
    }

    @Test
    void aConnectionRefusedNamesTheVariableOnly(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SlackNotifier unreachable = notifier(Map.of(VARIABLE, "http://127.0.0.1:" + closedPort + PATH),
                SlackContracts.PROPERTIES);

        Throwable e = catchThrowable(() -> unreachable.notify(ACME, shortMessage()));

        assertThat(e).isInstanceOf(SlackUnavailableException.class).hasMessageContaining(VARIABLE);
        assertSecretKept(e);
        assertThat(output.getAll()).contains(VARIABLE).doesNotContain(SECRET);
    }

    /**
     * Each case with a notifier of its own: a 404 {@code no_service} marks the webhook gone and a 429
     * holds it, and a shared notifier would then never send the later cases.
     */
    private Throwable failure(ResponseDefinitionBuilder response) {
        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(response));
        SlackNotifier notifier = notifier(wireMock);
        Throwable e = catchThrowable(() -> notifier.notify(ACME, shortMessage()));
        assertThat(e).isInstanceOf(SlackException.class).hasMessageContaining(VARIABLE);
        return e;
    }

    private static void assertSecretKept(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET);
    }
}
