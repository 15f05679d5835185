package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;
import static io.opsflow.sandbox.ArmAnswers.asMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** How a simulated ARM list answers: {@code $filter} ({@code eq}, {@code ge} joined by {@code and}), {@code $top}, {@code nextLink} pages. */
final class ArmListPages {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern CLAUSE = Pattern.compile("\\s*(\\w+)\\s+(eq|ge)\\s+(?:'([^']*)'|(\\S+))\\s*", FLAGS);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", FLAGS);

    private ArmListPages() {
    }

    /**
     * ARM's list page: {@code $filter} clauses on the items' properties, {@code $top} items at most
     * (and the simulator's page size), {@code nextLink} to the rest with {@code $skipToken}.
     */
    static ResponseEntity<?> page(List<Map<String, Object>> items, HttpServletRequest request, int defaultTop, int maxTop, int pageSize,
                                  Set<String> filterable) {
        List<Map<String, Object>> selected;
        int top;
        int skip;
        try {
            selected = items.stream().filter(filter(request.getParameter("$filter"), filterable)).toList();
            top = Math.min(maxTop, request.getParameter("$top") == null ? defaultTop : Integer.parseInt(request.getParameter("$top")));
            skip = request.getParameter("$skipToken") == null ? 0 : Integer.parseInt(request.getParameter("$skipToken"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return armError(HttpStatus.BAD_REQUEST, "BadArgument", "Invalid $filter, $top or $skipToken: " + e.getMessage());
        }
        int size = Math.max(1, Math.min(top, pageSize));
        int end = Math.min(selected.size(), skip + size);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("value", skip >= selected.size() ? List.of() : selected.subList(skip, end));
        if (end < selected.size()) {
            page.put("nextLink", nextLink(request, end));
        }
        return ResponseEntity.ok(page);
    }

    /** The request's own URL with the next {@code $skipToken}; the other query parameters stay as they were encoded. */
    private static String nextLink(HttpServletRequest request, int skip) {
        StringBuilder link = new StringBuilder(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString()).append('?');
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        for (String parameter : query.split("&")) {
            String lower = parameter.toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !lower.startsWith("$skiptoken=") && !lower.startsWith("%24skiptoken=")) {
                link.append(parameter).append('&');
            }
        }
        return link.append("$skipToken=").append(skip).toString();
    }

    private static Predicate<Map<String, Object>> filter(String filter, Set<String> filterable) {
        Predicate<Map<String, Object>> all = item -> true;
        if (filter == null || filter.isBlank()) {
            return all;
        }
        for (String clause : AND.split(filter.trim())) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches() || filterable.stream().noneMatch(f -> f.equalsIgnoreCase(m.group(1)))) {
                throw new IllegalArgumentException("unsupported clause '" + clause + "', supported fields: " + filterable);
            }
            String field = filterable.stream().filter(f -> f.equalsIgnoreCase(m.group(1))).findFirst().orElseThrow();
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if ("ge".equalsIgnoreCase(m.group(2))) {
                Instant from = instant(value);
                all = all.and(item -> !instant(String.valueOf(asMap(item.get("properties")).get(field))).isBefore(from));
            } else {
                all = all.and(item -> value.equalsIgnoreCase(String.valueOf(asMap(item.get("properties")).get(field))));
            }
        }
        return all;
    }

    private static Instant instant(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(value).toInstant();
    }
}
