package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/** A read of any table, following {@code Link} / {@code X-Total-Count} paging to the end. */
final class TablePages {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?");

    private final TableApi api;

    TablePages(TableApi api) {
        this.api = api;
    }

    List<TableRecord> query(TableQuery query) {
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
            Page page = api.call(TableApi.Request.table(HttpMethod.GET, query.table(), null, parameters),
                    response -> page(response, query.displayValue(), from));
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
    private static Page page(TableApi.Response response, TableQuery.DisplayValue mode, int offset) {
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
}
