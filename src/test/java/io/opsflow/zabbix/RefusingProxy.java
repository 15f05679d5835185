package io.opsflow.zabbix;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between a Zabbix script and opsflow: answers 503 to the next {@link #refuse(int)} requests
 * (opsflow down for a moment), forwards every other one unchanged, and records what came and what it answered.
 */
final class RefusingProxy implements AutoCloseable {

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    record Exchange(String path, byte[] body, int status) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    RefusingProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void refuse(int requests) {
        refusals.set(requests);
    }

    List<Exchange> exchanges() {
        return exchanges;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().toString();
        int status;
        byte[] answer;
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
            answer = "{\"detail\":\"opsflow is restarting\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : List.of("Authorization", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            try {
                HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        exchanges.add(new Exchange(path, body, status));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
