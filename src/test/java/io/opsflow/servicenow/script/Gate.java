package io.opsflow.servicenow.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP proxy in front of opsflow (or an answering stub when no target is given): it refuses
 * the next calls with the answers queued by the test, forwards the others untouched, and records
 * every exchange.
 */
final class Gate implements AutoCloseable {

    /** One call: its delivery header, the body as received, what was answered, and whether opsflow got it. */
    record Exchange(String delivery, String signature, byte[] body, int status, String answer, boolean forwarded) {
    }

    private record Refusal(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    Gate(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/servicenow";
    }

    /** The next call is answered {@code status} (with {@code Retry-After} when not null) and not forwarded. */
    void refuseNext(int status, String retryAfter) {
        refusals.add(new Refusal(status, retryAfter));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String delivery = exchange.getRequestHeaders().getFirst("X-Opsflow-Delivery");
        String signature = exchange.getRequestHeaders().getFirst("X-Opsflow-Signature");
        Refusal refusal = refusals.poll();
        int status;
        String answer;
        if (refusal != null || target == null) {
            status = refusal == null ? 202 : refusal.status();
            answer = "{}";
            if (refusal != null && refusal.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", refusal.retryAfter());
            }
        } else {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "X-Opsflow-Signature", "X-Opsflow-Delivery")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            try {
                HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        exchanges.add(new Exchange(delivery, signature, body, status, answer, refusal == null && target != null));
        byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
