package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away while a sender delivers: the webhook answers 503 with Retry-After within
 * seconds (senders give up on a 500), records nothing, and the redelivery once the database is back
 * starts exactly one process. The database is a real H2 server in its own process, over TCP,
 * stopped (as a database restart does) and started again on the same files.
 */
@Tag("own-context")
class DatabaseOutageTest {

    static final String SECRET = "test-only-servicenow-webhook-secret";

    @TempDir
    Path data;

    @Test
    void aWebhookDuringAnOutageIs503AndItsRedeliveryStartsOneProcess() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process database = startDatabase(port);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpsflowApplication.class).profiles("test")
                .run("--spring.datasource.url=jdbc:h2:tcp://localhost:" + port + "/opsflow", "--server.port=0")) {
            int http = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(deliver(http, "outage-before", "INC0099001").statusCode()).isEqualTo(202);

            stop(database);
            // deliver() gives up after 30 s, as a sender would: an answer at all means no hang on the pool.
            HttpResponse<String> during = deliver(http, "outage-during", "INC0099002");

            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(during.body()).contains("Send the request again");

            database = startDatabase(port);
            HttpResponse<String> redelivery = deliverUntilAnswered(http, "outage-during", "INC0099002");
            assertThat(redelivery.statusCode()).as(redelivery.body()).isEqualTo(202);
            assertThat(deliver(http, "outage-during", "INC0099002").statusCode()).isEqualTo(200);
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey("INC0099002").count()).isOne();
        } finally {
            stop(database);
        }
    }

    private Process startDatabase(int port) throws Exception {
        String h2 = Path.of(Server.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2,
                "org.h2.tools.Server", "-tcp", "-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", data.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("h2-server.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket probe = new java.net.Socket("localhost", port)) {
                return server;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("H2 server did not start on port " + port);
    }

    private static void stop(Process database) throws InterruptedException {
        database.destroy();
        database.waitFor();
    }

    /** The pool may still hand out a connection broken by the outage once; a sender would simply retry its 503. */
    private static HttpResponse<String> deliverUntilAnswered(int port, String delivery, String number) throws Exception {
        HttpResponse<String> answer = deliver(port, delivery, number);
        for (int attempt = 1; attempt < 5 && answer.statusCode() == 503; attempt++) {
            Thread.sleep(1000);
            answer = deliver(port, delivery, number);
        }
        return answer;
    }

    private static HttpResponse<String> deliver(int port, String delivery, String number) throws Exception {
        byte[] body = """
                {"event": {"id": "%s", "type": "created", "table": "incident", "instance": "sandbox",
                           "occurred_at": "2026-11-24 02:03:11", "changed_fields": []},
                 "record": {"sys_id": "%s", "number": "%s", "state": "1", "impact": "2", "urgency": "2",
                            "short_description": "DB 停止中の起票", "company": "de300000000000000000000000000001",
                            "sys_mod_count": "0", "correlation_id": "", "latest_comment": ""},
                 "display_values": {}}""".formatted(delivery, (number + "00000000000000000000000000000000").substring(0, 32), number)
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/servicenow"))
                .header("Content-Type", "application/json").header("X-Opsflow-Delivery", delivery)
                .header("X-Opsflow-Signature", "sha256=" + WebhookEndToEndTest.hmac(SECRET, body))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
