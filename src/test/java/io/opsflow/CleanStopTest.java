package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal stop as an operator or an orchestrator does it: the application in its own JVM, in sandbox
 * mode on an H2 file named the plain way (no H2 settings in the URL), SIGTERM right after an alert
 * came in, so the alert's first job runs while the application stops. Only a real JVM exit runs H2's
 * and Spring's shutdown hooks side by side, which is where the stack traces came from.
 */
@Tag("own-context")
class CleanStopTest {

    static final String TOKEN = "clean-stop-test-token";
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path data;

    @Test
    void sigtermWhileAJobRunsStopsWithoutErrorsTheEngineBeforeTheDatabaseAndLeavesNoTraceFile() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                OpsflowApplication.class.getName(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("opsflow"), "--server.port=0"))
                .redirectErrorStream(true);
        builder.environment().put("OPSFLOW_ADMIN_PASSWORD", "Clean-Stop-Test-Pass-7");
        builder.environment().put("OPSFLOW_DEMO_AZURE_MONITOR_TOKEN", TOKEN);
        Process app = builder.start();
        StringBuffer log = new StringBuffer();
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    if (line.contains("Started OpsflowApplication")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        try {
            assertThat(started.await(180, TimeUnit.SECONDS)).as("started; log so far:%n%s", log).isTrue();
            Matcher port = PORT.matcher(log);
            assertThat(port.find()).isTrue();
            HttpResponse<String> alert = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port.group(1) + "/webhooks/azure-monitor/demo?token=" + TOKEN))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs/samples/azure-monitor-alert-demo.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(alert.statusCode()).as(alert.body()).isEqualTo(202);
            // SIGTERM through the process handle: Process.destroy() would also close the pipe this test reads.
            assertThat(app.toHandle().destroy()).isTrue();
            assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("stopped; log so far:%n%s", log).isTrue();
            reader.join(10_000);
        } finally {
            app.destroyForcibly();
        }

        String stop = log.substring(log.indexOf("Started OpsflowApplication"));
        assertThat(app.exitValue()).as("the JVM's exit status after SIGTERM").isEqualTo(143);
        assertThat(log.toString()).as("the whole log").doesNotContain(" ERROR ").doesNotContain("Exception").doesNotContain("\tat ")
                .as("Netty at the version azure-core-http-netty expects").doesNotContain("Netty versions were found on the classpath and have a mismatch");
        assertThat(stop).contains("Process Engine default closed").contains("HikariPool-1 - Shutdown completed");
        assertThat(stop.indexOf("Process Engine default closed")).as("the engine closes before the pool")
                .isLessThan(stop.indexOf("HikariPool-1 - Shutdown completed"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("opsflow.mv.db").noneMatch(n -> n.endsWith(".trace.db"));
        }
    }
}
