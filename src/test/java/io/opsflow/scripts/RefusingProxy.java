package io.opsflow.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between a shipped script (a ServiceNow sender, a Zabbix media type or alert script) and
 * opsflow: refuses the next calls with the answers a test queues (opsflow down for a moment),
 * forwards every other one unchanged, and records each exchange. Without a target it answers
 * 202 itself, for tests of the sender alone.
 */
public final class RefusingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    /** One call: what came (path with query, headers, body as received), what was answered, whether opsflow got it. */
    public record Exchange(String path, Map<String, String> headers, byte[] body, int status, String answer, boolean forwarded) {

        /** A request header, case-insensitively; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Refusal(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** @param target opsflow's base URL ({@code http://127.0.0.1:8080}), or null to answer 202 itself */
    public RefusingProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The proxy's base URL: the script is given this instead of opsflow's, with the same path. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call is answered {@code status} (with {@code Retry-After} when not null) and not forwarded. */
    public void refuseNext(int status, String retryAfter) {
        refusals.add(new Refusal(status, retryAfter));
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        Refusal refusal = refusals.poll();
        boolean forwarded = refusal == null && target != null;
        int status;
        String answer;
        if (forwarded) {
            HttpResponse<String> response = forward(path, headers, body);
            status = response.statusCode();
            answer = response.body();
        } else {
            status = refusal == null ? 202 : refusal.status();
            answer = refusal == null ? "{}" : "{\"detail\":\"opsflow is restarting\"}";
            if (refusal != null && refusal.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", refusal.retryAfter());
            }
        }
        exchanges.add(new Exchange(path, headers, body, status, answer, forwarded));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private HttpResponse<String> forward(String path, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
