package io.opsflow.servicenow.script;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code new sn_ws.RESTMessageV2()} with endpoint, method, headers, body, timeout and MID server
 * set by the script; {@code execute()} makes the real HTTP call. Like the platform, a call that gets
 * no answer is no exception: its response has status 0, {@code haveError()} and an error message.
 */
public final class RestMessage {

    private final HttpClient http;
    final Map<String, String> headers = new LinkedHashMap<>();
    String endpoint;
    String method;
    String body;
    String midServer;
    private int timeoutMs = 60_000;

    RestMessage(HttpClient http) {
        this.http = http;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public void setHttpMethod(String method) {
        this.method = method;
    }

    public void setRequestHeader(String name, String value) {
        headers.put(name, value);
    }

    public void setRequestBody(String body) {
        this.body = body;
    }

    public void setHttpTimeout(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public void setMIDServer(String midServer) {
        this.midServer = midServer;
    }

    public Response execute() throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMillis(timeoutMs))
                .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response, null);
        } catch (IOException e) {
            return new Response(0, "", null, e.toString());
        }
    }

    /** {@code RESTResponseV2}. */
    public static final class Response {

        private final int status;
        private final String body;
        private final HttpResponse<String> response;
        private final String error;

        Response(int status, String body, HttpResponse<String> response, String error) {
            this.status = status;
            this.body = body;
            this.response = response;
            this.error = error;
        }

        public int getStatusCode() {
            return status;
        }

        public String getBody() {
            return body;
        }

        public String getHeader(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        public boolean haveError() {
            return error != null || status >= 400;
        }

        public String getErrorMessage() {
            return error == null ? "" : error;
        }
    }
}
