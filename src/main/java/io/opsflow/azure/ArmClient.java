package io.opsflow.azure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.MsalException;

import io.opsflow.customer.Customer;

/**
 * The one way opsflow calls Azure Resource Manager: a method, a resource path, an api-version and
 * an optional JSON body, sent through the customer's pipeline ({@link ArmPipelines}) to the endpoint
 * {@link AzureEndpoint} names at that moment. Answers of 400 and above become {@link ArmException}s
 * carrying ARM's error code. Each service's operations are small classes on top of this one
 * ({@link AutomationJobs}, {@link SupportTickets}, {@link SupportCommunications}, {@link SupportCatalog},
 * {@link MonitorAlertRules}, {@link AzureResources}).
 * <p>
 * Just over 250 lines: the one generic ARM path (send, list pages, async operations, the
 * on-behalf-of header), which the small service classes must not each repeat.
 */
public class ArmClient {

    private static final int MAX_PAGES = 100;

    /** Carries the token for a CSP partner's tenant next to the customer's own (on-behalf-of access). */
    static final String AUXILIARY_AUTHORIZATION = "x-ms-authorization-auxiliary";

    private final AzureEndpoint endpoint;
    private final ArmPipelines pipelines;
    private final String auxiliaryTenantId;

    /** The client {@code AzureConfiguration} wires, usable outside Spring (process tests against WireMock). */
    public static ArmClient of(AzureEndpoint endpoint, ArmAuthentication authentication, HttpClient httpClient, AzureProperties properties) {
        return new ArmClient(endpoint, new ArmPipelines(httpClient, authentication, properties));
    }

    ArmClient(AzureEndpoint endpoint, ArmPipelines pipelines) {
        this(endpoint, pipelines, null);
    }

    private ArmClient(AzureEndpoint endpoint, ArmPipelines pipelines, String auxiliaryTenantId) {
        this.endpoint = endpoint;
        this.pipelines = pipelines;
        this.auxiliaryTenantId = auxiliaryTenantId;
    }

    /**
     * This client for requests that must also prove access in {@code auxiliaryTenantId} (a CSP partner
     * acting on behalf of its customer): every request, including followed {@code nextLink} and status
     * URLs, carries {@code x-ms-authorization-auxiliary: Bearer <token for that tenant>}, the token
     * coming from the same customer credential ({@link ArmAuthentication#auxiliaryToken}). Null or
     * blank gives a client without the header.
     */
    public ArmClient onBehalfOf(String auxiliaryTenantId) {
        String tenant = auxiliaryTenantId == null || auxiliaryTenantId.isBlank() ? null : auxiliaryTenantId;
        return Objects.equals(tenant, this.auxiliaryTenantId) ? this : new ArmClient(endpoint, pipelines, tenant);
    }

    /** Sends the request; any answer of 400 or above is thrown as an {@link ArmException}. */
    public ArmResponse send(Customer customer, ArmRequest request) {
        StringBuilder url = new StringBuilder(base()).append(request.path())
                .append("?api-version=").append(ArmPath.encode(request.apiVersion()));
        request.query().forEach((name, value) -> url.append('&').append(name).append('=').append(ArmPath.encode(value)));
        return exchange(customer, request.method(), url.toString(), request.body(), request.accept(), request.headers());
    }

    /** Like {@link #send}, but a 404 is an empty result. */
    public Optional<ArmResponse> find(Customer customer, ArmRequest request) {
        try {
            return Optional.of(send(customer, request));
        } catch (ArmNotFoundException notFound) {
            return Optional.empty();
        }
    }

    /** The {@code value} items of a list operation, following {@code nextLink} to the last page. */
    public List<JsonNode> list(Customer customer, ArmRequest request) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = send(customer, request).json();
        for (int pages = 1; ; pages++) {
            page.path("value").forEach(items::add);
            String nextLink = page.path("nextLink").asText(null);
            if (nextLink == null || nextLink.isBlank()) {
                return items;
            }
            if (pages == MAX_PAGES) {
                throw new ArmException(200, "TooManyPages", "More than " + MAX_PAGES + " pages from " + request.path(), null);
            }
            page = follow(customer, nextLink).json();
        }
    }

    /**
     * GETs a URL that ARM handed out ({@code nextLink}, {@code Azure-AsyncOperation}, {@code Location}).
     * Only URLs under the current ARM endpoint are followed: the customer's token goes nowhere else.
     */
    public ArmResponse follow(Customer customer, String absoluteUrl) {
        String base = base();
        if (absoluteUrl == null || !absoluteUrl.regionMatches(true, 0, base + "/", 0, base.length() + 1)) {
            throw new ArmException(0, "ForeignUrl", "Refusing to follow a URL outside " + base + ": " + absoluteUrl, null);
        }
        return exchange(customer, HttpMethod.GET, absoluteUrl, null, "application/json", Map.of());
    }

    /** The state of an asynchronous ARM operation, from its {@code Azure-AsyncOperation} or {@code Location} URL. */
    public ArmAsyncOperation asyncOperation(Customer customer, String statusUrl) {
        ArmResponse response = follow(customer, statusUrl);
        if (response.status() == 202) {
            return new ArmAsyncOperation(ArmAsyncOperation.Status.IN_PROGRESS, null, null);
        }
        JsonNode body = response.json();
        String status = body.path("status").asText(null);
        JsonNode error = body.path("error");
        return new ArmAsyncOperation(status == null ? ArmAsyncOperation.Status.SUCCEEDED : ArmAsyncOperation.Status.of(status),
                error.path("code").asText(null), error.path("message").asText(null));
    }

    private String base() {
        String base = endpoint.resourceManagerEndpoint();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private ArmResponse exchange(Customer customer, HttpMethod method, String url, JsonNode body, String accept,
                                 Map<String, String> extraHeaders) {
        HttpRequest http = new HttpRequest(method, url);
        http.setHeader(HttpHeaderName.ACCEPT, accept);
        extraHeaders.forEach((name, value) -> http.setHeader(HttpHeaderName.fromString(name), value));
        if (body != null) {
            http.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            http.setBody(toBytes(body));
        } else if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            http.setBody(new byte[0]);
        }
        String path = http.getUrl().getPath();
        try {
            if (auxiliaryTenantId != null) {
                http.setHeader(HttpHeaderName.fromString(AUXILIARY_AUTHORIZATION),
                        "Bearer " + pipelines.auxiliaryToken(customer, auxiliaryTenantId));
            }
            return send(customer, method, path, http);
        } catch (ArmException e) {
            throw e;
        } catch (RuntimeException e) {
            if (causedByIo(e)) {
                throw new ArmUnavailableException(0, "NoResponse", "ARM " + method + " " + path + " got no answer: " + e,
                        null, e);
            }
            Throwable refused = cause(e, ClientAuthenticationException.class, MsalException.class);
            if (refused != null) {
                throw new ArmException(401, "CredentialFailed", "Entra refused a token for customer '" + customer.id()
                        + "': " + refused.getMessage(), null, e);
            }
            throw e;
        }
    }

    private ArmResponse send(Customer customer, HttpMethod method, String path, HttpRequest http) {
        try (HttpResponse response = pipelines.pipelineFor(customer).sendSync(http, Context.NONE)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpHeader header : response.getHeaders()) {
                headers.put(header.getName().toLowerCase(), header.getValue());
            }
            BinaryData data = response.getBodyAsBinaryData();
            String text = data == null ? "" : data.toString();
            if (response.getStatusCode() >= 400) {
                throw error(method, path, response.getStatusCode(), headers, text);
            }
            return new ArmResponse(response.getStatusCode(), headers, text);
        }
    }

    /** Maps an error answer: ARM's envelope {@code {"error":{code,message}}}, a provider's flat {@code {code,message}} or {@code {Code,Message}}. */
    static ArmException error(HttpMethod method, String path, int status, Map<String, String> headers, String body) {
        String code = null;
        String detail = null;
        try {
            JsonNode root = body == null || body.isBlank() ? null : ArmResponse.JSON.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode error = root.has("error") ? root.get("error") : root;
                code = text(error, "code", "Code");
                detail = text(error, "message", "Message");
            }
        } catch (JsonProcessingException notJson) {
            detail = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
        if (code == null) {
            code = "Http" + status;
        }
        String requestId = headers.get("x-ms-request-id");
        String message = "ARM " + method + " " + path + " answered " + status + " " + code
                + (detail == null || detail.isBlank() ? "" : ": " + detail)
                + (requestId == null ? "" : " (x-ms-request-id " + requestId + ")");
        if (status == 404) {
            return new ArmNotFoundException(code, message, requestId);
        }
        if (status == 409) {
            return new ArmConflictException(code, message, requestId);
        }
        if (status == 429) {
            Duration retryAfter = ArmRetryStrategy.retryAfter(new com.azure.core.http.HttpHeaders(headers)).orElse(null);
            return new ArmThrottledException(code, message, requestId, retryAfter);
        }
        if (status == 408 || status >= 500) {
            return new ArmUnavailableException(status, code, message, requestId, null);
        }
        return new ArmException(status, code, message, requestId);
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    private static boolean causedByIo(Throwable e) {
        return cause(e, IOException.class, TimeoutException.class) != null;
    }

    @SafeVarargs
    private static Throwable cause(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return ArmResponse.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Body is not serialisable", e);
        }
    }
}
