package io.opsflow.zabbix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opsflow.scripts.Es5;

/**
 * A Zabbix server of one release sending a notification through the opsflow webhook media type: the
 * script run as Zabbix runs it (the body of {@code function (value)}) in an ES5 engine, with that
 * release's documented objects ({@code zabbix-scripts/zabbix-<release>.js}) doing real HTTP.
 */
final class ZabbixServer {

    static final Path MEDIA_TYPE_SCRIPT = Path.of("docs/zabbix/opsflow-media-type.js");

    private final Path prelude;
    private final StandIn standIn = new StandIn();

    ZabbixServer(String release) {
        this.prelude = Path.of("src/test/resources/zabbix-scripts/zabbix-" + release + ".js");
    }

    /** Runs the media type with its parameters, resolved, as the JSON string {@code value}; returns what the script returns. */
    Object notify(String value) {
        try {
            Path body = Files.createTempFile("opsflow-media-type", ".js");
            try {
                Files.writeString(body, "(function (value) {\n" + Files.readString(MEDIA_TYPE_SCRIPT) + "\n})(zabbixValue);");
                return Es5.run(Map.of("standIn", standIn, "zabbixValue", value), prelude, body);
            } finally {
                Files.delete(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the script wrote with Zabbix.log / Zabbix.Log. */
    List<String> log() {
        return standIn.log;
    }

    /** The requests as they left the server: headers and body. */
    List<Sent> sent() {
        return standIn.sent;
    }

    record Sent(String url, List<String> headers, String body) {
    }

    /** The Java half of the release's objects; public so the engine may call it. */
    public static final class StandIn {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        public Http http() {
            return new Http(this);
        }

        public void log(int level, String message) {
            log.add(level + " " + message);
        }
    }

    /** One cURL handle: headers kept for every request, the status of the last one. */
    public static final class Http {

        private final StandIn server;
        private final List<String> headers = new ArrayList<>();
        private int status;

        Http(StandIn server) {
            this.server = server;
        }

        public void header(String header) {
            headers.add(header);
        }

        public void proxy(String proxy) {
            throw new UnsupportedOperationException("the stand-in sends without a proxy");
        }

        public String post(String url, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(h -> request.header(h.substring(0, h.indexOf(':')).trim(), h.substring(h.indexOf(':') + 1).trim()));
            server.sent.add(new Sent(url, List.copyOf(headers), body));
            HttpResponse<String> response = server.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            return response.body();
        }

        public int status() {
            return status;
        }
    }
}
