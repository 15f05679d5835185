package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.opsflow.deployment.ProcessesDeployment;

/**
 * Two nodes starting at the same moment on one PostgreSQL, as docker/compose.yaml runs them: the
 * start-up work runs once (one administrator, one deployment), and both nodes serve the same engine data.
 * The second node runs in its own JVM, as in a real cluster: Camunda and logging keep JVM-wide
 * registries that two engines starting together in one JVM would race on.
 */
@Tag("own-context")
class ClusterStartupTest {

    private static final String ADMIN = "admin:Test-Only-Root-Secret-1";

    /** Node 2's log stays in target/ for a failed run to be read. */
    final Path logs = Path.of("target", "cluster-startup");

    @Test
    void twoNodesStartingTogetherShareOneDatabaseWithoutDuplicates() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Files.createDirectories(logs);
            int port2 = freePort();
            Process node2 = startInOwnJvm(url, port2);
            try (ConfigurableApplicationContext node1 = new SpringApplicationBuilder(OpsflowApplication.class).profiles("test")
                    .run(arguments(url, 0))) {
                awaitHealthy(node2, port2);

                assertThat(node1.getBean(IdentityService.class).createUserQuery().memberOfGroup("camunda-admin").count()).isOne();
                assertThat(node1.getBean(RepositoryService.class).createDeploymentQuery()
                        .deploymentName(ProcessesDeployment.DEPLOYMENT_NAME).count()).isOne();
                assertThat(node1.getBean(IdentityService.class).createTenantQuery().tenantId("demo").count()).isOne();

                String started = node1.getBean(RuntimeService.class).startProcessInstanceByKey("smoke-test").getId();
                HttpResponse<String> seen = call(port2, "GET", "/engine-rest/history/process-instance/" + started, null);
                assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
                assertThat(seen.body()).contains("\"id\":\"" + started + "\"").containsPattern("\"endTime\":\"\\d{4}-");
            } finally {
                node2.destroy();
                node2.waitFor();
            }
        }
    }

    private Process startInOwnJvm(String url, int port) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), OpsflowApplication.class.getName(),
                "--spring.profiles.active=test"));
        command.addAll(List.of(arguments(url, port)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve("node2.log").toFile()).start();
    }

    private static String[] arguments(String url, int port) {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=" + port};
    }

    private void awaitHealthy(Process node, int port) throws Exception {
        for (int i = 0; i < 240 && node.isAlive(); i++) {
            try {
                if (call(port, "GET", "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node2 did not become healthy:\n" + Files.readString(logs.resolve("node2.log")));
    }

    private static HttpResponse<String> call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
