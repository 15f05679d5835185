package io.opsflow.servicenow;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.netty.channel.ChannelOption;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * {@link ServiceNowClient} over the Table API. Blocking on purpose: its callers are delegates on
 * job executor threads, whose transaction and retry cycle wrap exactly one call.
 */
final class WebClientServiceNowClient implements ServiceNowClient {

    private static final Logger log = LoggerFactory.getLogger(WebClientServiceNowClient.class);

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?");
    // sys_ids are 32 hex digits; checking keeps caller input out of the path.
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    private final WebClient webClient;
    private final ServiceNowProperties properties;
    private final ServiceNowEndpoint endpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration deadline;
    private OAuthToken token;

    WebClientServiceNowClient(WebClient.Builder builder, ServiceNowProperties properties, ServiceNowEndpoint endpoint) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.readTimeout());
        this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.properties = properties;
        this.endpoint = endpoint;
        // responseTimeout bounds the wait for the status line; this also bounds a body that stalls.
        this.deadline = properties.connectTimeout().plus(properties.readTimeout().multipliedBy(2));
        // Sandbox mode brings its own endpoint and needs no credentials; a real instance does.
        if (properties.baseUrl() != null && !properties.usesOAuth() && !properties.usesBasic()) {
            log.warn("No ServiceNow credentials configured: requests to {} are sent without authentication",
                    properties.baseUrl());
        }
    }

    @Override
    public Incident createIncident(NewIncident incident) {
        Optional<Incident> existing = findIncidentByCorrelationId(incident.correlationId());
        if (existing.isPresent()) {
            log.info("Incident {} already exists for correlation id {}", existing.get().number(), incident.correlationId());
            return existing.get();
        }
        Map<String, String> body = new LinkedHashMap<>();
        IncidentUpdate.put(body, "short_description", incident.shortDescription());
        IncidentUpdate.put(body, "description", incident.description());
        IncidentUpdate.put(body, "caller_id", incident.callerId());
        IncidentUpdate.put(body, "company", incident.company());
        IncidentUpdate.put(body, "cmdb_ci", incident.cmdbCi());
        IncidentUpdate.put(body, "assignment_group", incident.assignmentGroup());
        IncidentUpdate.put(body, "category", incident.category());
        IncidentUpdate.put(body, "subcategory", incident.subcategory());
        IncidentUpdate.put(body, "impact", incident.impact());
        IncidentUpdate.put(body, "urgency", incident.urgency());
        IncidentUpdate.put(body, "correlation_id", incident.correlationId());
        IncidentUpdate.put(body, "correlation_display", incident.correlationDisplay());
        Request post = Request.table(HttpMethod.POST, "incident", null, recordParameters(Incident.FIELDS)).withJson(body);
        // A POST whose answer was lost may have created the incident: look again before re-posting.
        return execute(post, response -> Incident.from(result(response)),
                () -> findIncidentByCorrelationId(incident.correlationId()));
    }

    @Override
    public Optional<Incident> findIncidentByCorrelationId(String correlationId) {
        // Oldest first, so that if someone else made a duplicate, every caller settles on the same one.
        return findIncident("correlation_id=" + queryValue(correlationId) + "^ORDERBYsys_created_on");
    }

    @Override
    public Optional<Incident> findIncidentByNumber(String number) {
        return findIncident("number=" + queryValue(number));
    }

    private Optional<Incident> findIncident(String encodedQuery) {
        Map<String, String> parameters = recordParameters(Incident.FIELDS);
        parameters.put("sysparm_query", encodedQuery);
        parameters.put("sysparm_limit", "1");
        Request get = Request.table(HttpMethod.GET, "incident", null, parameters);
        return execute(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream().findFirst()
                .map(Incident::from), Optional::empty);
    }

    @Override
    public Incident getIncident(String sysId) {
        Request get = Request.table(HttpMethod.GET, "incident", sysId(sysId), recordParameters(Incident.FIELDS));
        return execute(get, response -> Incident.from(result(response)), Optional::empty);
    }

    @Override
    public Incident updateIncident(String sysId, IncidentUpdate update) {
        Request patch = Request.table(HttpMethod.PATCH, "incident", sysId(sysId), recordParameters(Incident.FIELDS))
                .withJson(update.fields());
        return execute(patch, response -> Incident.from(result(response)), Optional::empty);
    }

    @Override
    public Incident updateIncident(String sysId, IncidentUpdate update, NoteKey noteKey) {
        return updateOnce("incident", sysId, update.fields(), Incident.FIELDS, noteKey, Incident::from);
    }

    @Override
    public List<JournalEntry> latestJournalEntries(String incidentSysId, Set<JournalField> fields, int limit) {
        if (limit < 1 || fields.isEmpty()) {
            throw new IllegalArgumentException("Need at least one journal field and a positive limit");
        }
        String elements = fields.stream().map(JournalField::element).sorted().collect(Collectors.joining(","));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_query", "name=incident^element_id=" + sysId(incidentSysId) + "^elementIN" + elements
                + "^ORDERBYDESCsys_created_on");
        parameters.put("sysparm_fields", JournalEntry.FIELDS);
        parameters.put("sysparm_limit", Integer.toString(limit));
        Request get = Request.table(HttpMethod.GET, "sys_journal_field", null, parameters);
        return execute(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream()
                .map(JournalEntry::from).toList(), Optional::empty);
    }

    @Override
    public RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update) {
        Request patch = Request.table(HttpMethod.PATCH, "sc_req_item", sysId(sysId),
                recordParameters(RequestedItem.FIELDS)).withJson(update.fields());
        return execute(patch, response -> RequestedItem.from(result(response)), Optional::empty);
    }

    @Override
    public RequestedItem updateRequestedItem(String sysId, RequestedItemUpdate update, NoteKey noteKey) {
        return updateOnce("sc_req_item", sysId, update.fields(), RequestedItem.FIELDS, noteKey, RequestedItem::from);
    }

    /**
     * The journal is looked up before every keyed write, not only on a retry: the client cannot tell
     * a first attempt from a job retried after a crash or a lost answer (the job executor does not say
     * so, and a crash after ServiceNow committed leaves no failure behind). The GET is one query on
     * {@code sys_journal_field}'s indexed {@code element_id}; a note costs two calls instead of one.
     * Inside one call, a retry after a lost answer looks again before patching again.
     */
    private <T> T updateOnce(String table, String sysId, Map<String, String> fields, String recordFields, NoteKey noteKey,
            Function<TableRecord, T> from) {
        String id = sysId(sysId);
        Map<String, String> marked = noteKey.mark(fields);
        Supplier<Optional<T>> alreadyWritten = () -> {
            if (!noteWritten(table, id, noteKey)) {
                return Optional.empty();
            }
            log.info("{} {} already has note {}: not writing it again", table, id, noteKey.marker());
            Request get = Request.table(HttpMethod.GET, table, id, recordParameters(recordFields));
            return Optional.of(execute(get, response -> from.apply(result(response)), Optional::empty));
        };
        Optional<T> done = alreadyWritten.get();
        if (done.isPresent()) {
            return done.get();
        }
        Request patch = Request.table(HttpMethod.PATCH, table, id, recordParameters(recordFields)).withJson(marked);
        return execute(patch, response -> from.apply(result(response)), alreadyWritten);
    }

    private boolean noteWritten(String table, String sysId, NoteKey noteKey) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_query", "name=" + table + "^element_id=" + sysId + "^elementIN"
                + JournalField.COMMENTS.element() + "," + JournalField.WORK_NOTES.element() + "^valueLIKE" + noteKey.token());
        parameters.put("sysparm_fields", "sys_id,value");
        parameters.put("sysparm_limit", "1");
        Request get = Request.table(HttpMethod.GET, "sys_journal_field", null, parameters);
        return execute(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream()
                .anyMatch(entry -> String.valueOf(entry.value("value")).contains(noteKey.marker())), Optional::empty);
    }

    @Override
    public List<TableRecord> query(TableQuery query) {
        List<TableRecord> records = new ArrayList<>();
        OptionalInt offset = OptionalInt.of(0);
        while (offset.isPresent()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query.query() != null) {
                parameters.put("sysparm_query", query.query());
            }
            if (!query.fields().isEmpty()) {
                parameters.put("sysparm_fields", String.join(",", query.fields()));
            }
            parameters.put("sysparm_display_value", query.displayValue().parameter());
            parameters.put("sysparm_exclude_reference_link", "true");
            parameters.put("sysparm_limit", Integer.toString(query.pageSize()));
            parameters.put("sysparm_offset", Integer.toString(offset.getAsInt()));
            int from = offset.getAsInt();
            Page page = execute(Request.table(HttpMethod.GET, query.table(), null, parameters),
                    response -> page(response, query.displayValue(), from), Optional::empty);
            records.addAll(page.records());
            offset = page.nextOffset();
        }
        return records;
    }

    private record Page(List<TableRecord> records, OptionalInt nextOffset) {
    }

    /**
     * The next page is the {@code sysparm_offset} of the {@code rel="next"} link. Only that offset is
     * taken, not the link itself, so requests keep going to the configured endpoint (a proxy or
     * the sandbox simulator) with our own encoding. Without a Link header, X-Total-Count decides.
     */
    private Page page(Response response, TableQuery.DisplayValue mode, int offset) {
        List<TableRecord> records = results(response, mode);
        String link = response.headers().getFirst(HttpHeaders.LINK);
        OptionalInt next = OptionalInt.empty();
        if (link != null) {
            Matcher matcher = LINK.matcher(link);
            while (matcher.find()) {
                if (matcher.group(2).equals("next")) {
                    String nextOffset = UriComponentsBuilder.fromUriString(matcher.group(1)).build().getQueryParams()
                            .getFirst("sysparm_offset");
                    next = nextOffset == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(nextOffset));
                }
            }
        } else {
            String total = response.headers().getFirst("X-Total-Count");
            if (total != null && offset + records.size() < Integer.parseInt(total)) {
                next = OptionalInt.of(offset + records.size());
            }
        }
        // An empty page or a link that does not move forward would otherwise loop for ever.
        if (records.isEmpty() || next.isPresent() && next.getAsInt() <= offset) {
            return new Page(records, OptionalInt.empty());
        }
        return new Page(records, next);
    }

    private static Map<String, String> recordParameters(String fields) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_fields", fields);
        parameters.put("sysparm_exclude_reference_link", "true");
        return parameters;
    }

    /** '^' separates encoded-query terms and cannot be escaped: a value holding one would change the query. */
    private static String queryValue(String value) {
        if (value == null || value.isBlank() || value.contains("^")) {
            throw new IllegalArgumentException("Not usable in a ServiceNow query: " + value);
        }
        return value;
    }

    private static String sysId(String sysId) {
        if (sysId == null || !SYS_ID.matcher(sysId).matches()) {
            throw new IllegalArgumentException("Not a sys_id: " + sysId);
        }
        return sysId;
    }

    private static TableRecord result(Response response) {
        return TableRecord.from(response.body().path("result"), TableQuery.DisplayValue.FALSE);
    }

    private static List<TableRecord> results(Response response, TableQuery.DisplayValue mode) {
        List<TableRecord> records = new ArrayList<>();
        response.body().path("result").forEach(result -> records.add(TableRecord.from(result, mode)));
        return records;
    }

    // --- one request, retried within bounds -------------------------------------------------

    private record Request(HttpMethod method, String path, Map<String, String> parameters, boolean authenticated,
            Map<String, String> json, MultiValueMap<String, String> form) {

        static Request table(HttpMethod method, String table, String sysId, Map<String, String> parameters) {
            String path = "/api/now/table/" + table + (sysId == null ? "" : "/" + sysId);
            return new Request(method, path, parameters, true, null, null);
        }

        Request withJson(Map<String, String> body) {
            return new Request(method, path, parameters, authenticated, body, form);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Response(int status, HttpHeaders headers, JsonNode body) {
    }

    /**
     * Sends the request, retrying 429 (after Retry-After), 5xx and transport failures up to the
     * bound. Before each retry {@code recheck} may find that the lost attempt already took effect.
     */
    private <T> T execute(Request request, Function<Response, T> mapper, Supplier<Optional<T>> recheck) {
        ServiceNowProperties.Retry retry = properties.retry();
        boolean tokenRenewed = false;
        String failure;
        JsonNode lastBody = MissingNode.getInstance();
        int lastStatus = 0;
        Throwable cause = null;
        for (int attempt = 1;; attempt++) {
            if (attempt > 1) {
                Optional<T> done = recheck.get();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            String authorization = request.authenticated() ? authorization() : null;
            Duration wait = backoff(attempt);
            try {
                Response response = send(request, authorization);
                int status = response.status();
                if (status >= 200 && status < 300 && !response.body().isMissingNode()) {
                    return mapper.apply(response);
                }
                lastStatus = status;
                lastBody = response.body();
                cause = null;
                if (status == 401 && authorization != null && properties.usesOAuth() && !tokenRenewed
                        && attempt < retry.maxAttempts()) {
                    // A token can be revoked before it expires: fetch a new one once.
                    invalidateToken();
                    tokenRenewed = true;
                    wait = Duration.ZERO;
                    failure = "HTTP 401 with a cached OAuth token";
                } else if (status == 429) {
                    wait = rateLimited(request, response, wait);
                    failure = "HTTP 429" + errorText(response.body());
                } else if (status >= 500) {
                    failure = "HTTP " + status + errorText(response.body());
                } else if (status < 300) {
                    failure = "HTTP " + status + " without a JSON body";
                } else {
                    throw clientError(request, response);
                }
            } catch (RuntimeException e) {
                Throwable unwrapped = Exceptions.unwrap(e);
                if (e instanceof ServiceNowException || !isTransportFailure(unwrapped)) {
                    throw e;
                }
                cause = unwrapped;
                lastStatus = 0;
                lastBody = MissingNode.getInstance();
                failure = describe(unwrapped);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ServiceNowUnavailableException(request + " failed after " + attempt + " attempts, last: "
                        + failure, lastStatus, errorMessage(lastBody), errorDetail(lastBody), cause);
            }
            log.warn("ServiceNow {}: {}; attempt {} of {}, retrying in {} ms", request, failure, attempt,
                    retry.maxAttempts(), wait.toMillis());
            sleep(wait, request);
        }
    }

    private Response send(Request request, String authorization) {
        WebClient.RequestBodySpec spec = webClient.method(request.method()).uri(uri(request)).headers(headers -> {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        });
        WebClient.RequestHeadersSpec<?> withBody = spec;
        if (request.json() != null) {
            withBody = spec.contentType(MediaType.APPLICATION_JSON).bodyValue(toJson(request.json()));
        } else if (request.form() != null) {
            withBody = spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(request.form());
        }
        ResponseEntity<byte[]> entity = withBody.exchangeToMono(response -> response.toEntity(byte[].class))
                .timeout(deadline).block();
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), parse(entity.getBody()));
    }

    private URI uri(Request request) {
        String baseUrl = endpoint.baseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("The ServiceNow base URL is empty: set OPSFLOW_SERVICENOW_BASE_URL");
        }
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(baseUrl.replaceAll("/+$", ""))
                .path(request.path());
        // Values go in as URI variables so that they are fully encoded ('+', '&', '=' included).
        request.parameters().keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(request.parameters()).toUri();
    }

    private byte[] toJson(Map<String, String> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // A proxy's or a hibernating instance's HTML page, not ServiceNow's JSON.
            return MissingNode.getInstance();
        }
    }

    private Duration backoff(int attempt) {
        ServiceNowProperties.Retry retry = properties.retry();
        Duration wait = retry.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    private Duration rateLimited(Request request, Response response, Duration backoff) {
        HttpHeaders headers = response.headers();
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        log.warn("ServiceNow {} rate limited: Retry-After {}, X-RateLimit-Limit {}, X-RateLimit-Reset {}, "
                + "X-RateLimit-Rule {}", request, retryAfter, headers.getFirst("X-RateLimit-Limit"),
                headers.getFirst("X-RateLimit-Reset"), headers.getFirst("X-RateLimit-Rule"));
        if (retryAfter == null || !retryAfter.trim().matches("\\d+")) {
            return backoff;
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        Duration max = properties.retry().maxRetryAfter();
        if (wait.compareTo(max) > 0) {
            throw new ServiceNowUnavailableException(request + " rate limited (429): Retry-After " + wait.toSeconds()
                    + " s is longer than the " + max.toSeconds() + " s opsflow waits in-process"
                    + errorText(response.body()), 429, errorMessage(response.body()), errorDetail(response.body()), null);
        }
        return wait;
    }

    private void sleep(Duration wait, Request request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNowUnavailableException(request + " interrupted while waiting to retry", 0, null, null, e);
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no complete answer within " + deadline.toMillis() + " ms";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Netty's ReadTimeoutException, raised by the response timeout, has no message of its own.
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebClientRequestException || t instanceof TimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private ServiceNowException clientError(Request request, Response response) {
        int status = response.status();
        String message = request + ": HTTP " + status + errorText(response.body());
        String errorMessage = errorMessage(response.body());
        String errorDetail = errorDetail(response.body());
        return switch (status) {
            case 401 -> {
                invalidateToken();
                yield new ServiceNowUnauthorizedException(message, status, errorMessage, errorDetail);
            }
            case 403 -> new ServiceNowForbiddenException(message, status, errorMessage, errorDetail);
            case 404 -> new ServiceNowNotFoundException(message, status, errorMessage, errorDetail);
            default -> new ServiceNowBadRequestException(message, status, errorMessage, errorDetail);
        };
    }

    /**
     * The Table API answers {@code {"error": {"message", "detail"}}}; the OAuth endpoint
     * {@code {"error": "...", "error_description": "..."}}.
     */
    private static String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        return error.isTextual() ? error.asText() : textOrNull(error.path("message"));
    }

    private static String errorDetail(JsonNode body) {
        JsonNode error = body.path("error");
        return error.isTextual() ? textOrNull(body.path("error_description")) : textOrNull(error.path("detail"));
    }

    private static String errorText(JsonNode body) {
        String message = errorMessage(body);
        String detail = errorDetail(body);
        return (message == null ? "" : ": " + message) + (detail == null ? "" : " (" + detail + ")");
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    // --- authentication -----------------------------------------------------------------------

    private record OAuthToken(String value, Instant renewAt) {
    }

    private String authorization() {
        if (properties.usesOAuth()) {
            return "Bearer " + bearerToken();
        }
        if (properties.usesBasic()) {
            String password = properties.password() == null ? "" : properties.password();
            return "Basic " + HttpHeaders.encodeBasicAuth(properties.user(), password, StandardCharsets.UTF_8);
        }
        return null;
    }

    private synchronized String bearerToken() {
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.oauth().clientId());
        form.add("client_secret", properties.oauth().clientSecret());
        Request request = new Request(HttpMethod.POST, "/oauth_token.do", Map.of(), false, null, form);
        token = execute(request, response -> {
            long expiresIn = response.body().path("expires_in").asLong();
            // Renew a little early so a token never expires between check and use.
            Duration lifetime = Duration.ofSeconds(expiresIn - Math.min(60, expiresIn / 10));
            return new OAuthToken(response.body().path("access_token").asText(), Instant.now().plus(lifetime));
        }, Optional::empty);
        log.info("Obtained a ServiceNow OAuth token for client {}", properties.oauth().clientId());
        return token.value();
    }

    private synchronized void invalidateToken() {
        token = null;
    }
}
