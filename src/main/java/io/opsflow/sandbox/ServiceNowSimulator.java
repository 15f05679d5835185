package io.opsflow.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A stateful ServiceNow Table API for sandbox mode ({@code /sandbox/servicenow/api/now/table/...})
 * with the documented shapes: string values, {@code result} envelope, encoded queries
 * ({@code field=value}, {@code !=}, {@code LIKE}, {@code STARTSWITH}, {@code ^}, {@code ORDERBY[DESC]}),
 * {@code sysparm_fields}/{@code _limit}/{@code _offset}, {@code X-Total-Count} and {@code Link}
 * paging, {@code sysparm_display_value}, error envelopes. No credential is needed; any Basic or Bearer one is accepted.
 */
@RestController
@RequestMapping(path = "/sandbox/servicenow", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnSandbox
class ServiceNowSimulator {

    private final ServiceNowTables tables;

    ServiceNowSimulator(ServiceNowTables tables) {
        this.tables = tables;
    }

    @PostMapping(path = "/oauth_token.do", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> token(@RequestParam("grant_type") String grantType) {
        return Map.of("access_token", "sandbox-" + System.nanoTime(), "token_type", "Bearer", "expires_in", 1799, "scope", "useraccount");
    }

    @GetMapping({"/api/now/table/{table}", "/api/now/v2/table/{table}"})
    ResponseEntity<?> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                           @PathVariable String table,
                           @RequestParam(name = "sysparm_query", defaultValue = "") String query,
                           @RequestParam(name = "sysparm_fields", defaultValue = "") String fields,
                           @RequestParam(name = "sysparm_limit", defaultValue = "10000") int limit,
                           @RequestParam(name = "sysparm_offset", defaultValue = "0") int offset,
                           @RequestParam(name = "sysparm_display_value", defaultValue = "false") String displayValue) {
        ResponseEntity<?> refused = refuse(auth, table);
        if (refused != null) {
            return refused;
        }
        EncodedQuery parsed;
        try {
            parsed = EncodedQuery.parse(query);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage());
        }
        List<Map<String, String>> all = tables.query(table, parsed.filter(), parsed.order(), parsed.newestFirst());
        List<Map<String, Object>> page = all.stream().skip(offset).limit(limit).map(r -> project(r, fields))
                .map(r -> "all".equals(displayValue) ? withDisplayValues(r) : r).toList();
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Total-Count", String.valueOf(all.size()));
        headers.add(HttpHeaders.LINK, links(all.size(), limit, offset));
        return ResponseEntity.ok().headers(headers).body(Map.of("result", page));
    }

    @GetMapping({"/api/now/table/{table}/{sysId}", "/api/now/v2/table/{table}/{sysId}"})
    ResponseEntity<?> get(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                          @PathVariable String table, @PathVariable String sysId,
                          @RequestParam(name = "sysparm_fields", defaultValue = "") String fields) {
        ResponseEntity<?> refused = refuse(auth, table);
        if (refused != null) {
            return refused;
        }
        return tables.get(table, sysId).<ResponseEntity<?>>map(r -> ResponseEntity.ok(Map.of("result", project(r, fields))))
                .orElseGet(ServiceNowSimulator::notFound);
    }

    @PostMapping(path = {"/api/now/table/{table}", "/api/now/v2/table/{table}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                             @PathVariable String table, @RequestBody Map<String, Object> body,
                             @RequestParam(name = "sysparm_fields", defaultValue = "") String fields) {
        ResponseEntity<?> refused = refuse(auth, table);
        if (refused != null) {
            return refused;
        }
        Map<String, String> record = tables.insert(table, strings(body));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{sysId}").buildAndExpand(record.get("sys_id")).toUri();
        return ResponseEntity.created(location).body(Map.of("result", project(record, fields)));
    }

    @RequestMapping(path = {"/api/now/table/{table}/{sysId}", "/api/now/v2/table/{table}/{sysId}"},
            method = {RequestMethod.PATCH, RequestMethod.PUT}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                             @PathVariable String table, @PathVariable String sysId, @RequestBody Map<String, Object> body,
                             @RequestParam(name = "sysparm_fields", defaultValue = "") String fields) {
        ResponseEntity<?> refused = refuse(auth, table);
        if (refused != null) {
            return refused;
        }
        return tables.update(table, sysId, strings(body)).<ResponseEntity<?>>map(r -> ResponseEntity.ok(Map.of("result", project(r, fields))))
                .orElseGet(ServiceNowSimulator::notFound);
    }

    private static ResponseEntity<?> refuse(String auth, String table) {
        // The sandbox needs no credentials; one that is sent must still be a ServiceNow scheme.
        if (auth != null && !(auth.startsWith("Basic ") || auth.startsWith("Bearer "))) {
            return error(HttpStatus.UNAUTHORIZED, "User Not Authenticated", "Required to provide Auth information");
        }
        if (!ServiceNowTables.TABLES.contains(table)) {
            return error(HttpStatus.BAD_REQUEST, "Invalid table " + table, null);
        }
        return null;
    }

    private static ResponseEntity<?> notFound() {
        return error(HttpStatus.NOT_FOUND, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    private static ResponseEntity<?> error(HttpStatus status, String message, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("detail", detail);
        return ResponseEntity.status(status).body(Map.of("error", error, "status", "failure"));
    }

    private static Map<String, String> strings(Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((k, v) -> fields.put(k, v == null ? "" : String.valueOf(v)));
        return fields;
    }

    private static Map<String, Object> project(Map<String, String> record, String fields) {
        if (fields.isBlank()) {
            return new LinkedHashMap<>(record);
        }
        Map<String, Object> projected = new LinkedHashMap<>();
        for (String field : fields.split(",")) {
            projected.put(field.trim(), record.getOrDefault(field.trim(), ""));
        }
        return projected;
    }

    /** With {@code sysparm_display_value=all} every field is {@code {display_value, value}}; the sandbox has no labels. */
    private static Map<String, Object> withDisplayValues(Map<String, Object> record) {
        Map<String, Object> both = new LinkedHashMap<>();
        record.forEach((k, v) -> both.put(k, Map.of("display_value", v, "value", v)));
        return both;
    }

    private static String links(int total, int limit, int offset) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest();
        List<String> links = new ArrayList<>();
        links.add("<" + uri.replaceQueryParam("sysparm_offset", 0).toUriString() + ">;rel=\"first\"");
        if (offset > 0) {
            links.add("<" + uri.replaceQueryParam("sysparm_offset", Math.max(0, offset - limit)).toUriString() + ">;rel=\"prev\"");
        }
        if (offset + limit < total) {
            links.add("<" + uri.replaceQueryParam("sysparm_offset", offset + limit).toUriString() + ">;rel=\"next\"");
        }
        int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        links.add("<" + uri.replaceQueryParam("sysparm_offset", last).toUriString() + ">;rel=\"last\"");
        return String.join(",", links);
    }

    /** The subset of ServiceNow's encoded query language the adapters use. */
    record EncodedQuery(Predicate<Map<String, String>> filter, Comparator<Map<String, String>> order, boolean newestFirst) {

        static EncodedQuery parse(String query) {
            Predicate<Map<String, String>> filter = r -> true;
            Comparator<Map<String, String>> order = (a, b) -> 0;
            boolean newestFirst = false;
            for (String term : query.isBlank() ? new String[0] : query.split("\\^")) {
                if (term.startsWith("ORDERBYDESC")) {
                    String field = term.substring(11);
                    order = order.thenComparing(r -> r.getOrDefault(field, ""), Comparator.reverseOrder());
                    newestFirst = true;
                } else if (term.startsWith("ORDERBY")) {
                    String field = term.substring(7);
                    order = order.thenComparing(r -> r.getOrDefault(field, ""));
                } else if (term.equals("EQ") || term.isBlank()) {
                    continue;
                } else if (term.startsWith("OR") || term.startsWith("NQ")) {
                    throw new IllegalArgumentException("The sandbox does not simulate '" + term + "' (OR / NQ)");
                } else {
                    filter = filter.and(condition(term));
                }
            }
            return new EncodedQuery(filter, order, newestFirst);
        }

        private static final java.util.regex.Pattern CONDITION =
                java.util.regex.Pattern.compile("([a-z0-9_.]+)(!=|STARTSWITH|LIKE|IN|=)(.*)");

        private static Predicate<Map<String, String>> condition(String term) {
            java.util.regex.Matcher m = CONDITION.matcher(term);
            if (!m.matches()) {
                throw new IllegalArgumentException("Cannot read query term '" + term + "'");
            }
            String field = m.group(1);
            String value = m.group(3);
            return switch (m.group(2)) {
                case "!=" -> r -> !value.equals(r.getOrDefault(field, ""));
                case "STARTSWITH" -> r -> r.getOrDefault(field, "").startsWith(value);
                case "LIKE" -> r -> r.getOrDefault(field, "").contains(value);
                case "IN" -> r -> Arrays.asList(value.split(",")).contains(r.getOrDefault(field, ""));
                default -> r -> value.equals(r.getOrDefault(field, ""));
            };
        }
    }
}
