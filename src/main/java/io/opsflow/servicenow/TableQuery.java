package io.opsflow.servicenow;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A read of any table, paged through to the end.
 *
 * @param table        e.g. {@code incident}, {@code sc_req_item}
 * @param query        ServiceNow encoded query ({@code active=true^companyIN...^ORDERBYDESCsys_updated_on}); null for all
 * @param fields       columns to return (dot-walking and {@code variables.<name>} allowed); empty for all
 * @param pageSize     {@code sysparm_limit} of each page
 * @param displayValue {@code sysparm_display_value}
 */
public record TableQuery(String table, String query, List<String> fields, int pageSize, DisplayValue displayValue) {

    public TableQuery {
        Objects.requireNonNull(table, "table");
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        displayValue = displayValue == null ? DisplayValue.FALSE : displayValue;
    }

    public TableQuery(String table, String query, List<String> fields) {
        this(table, query, fields, 100, DisplayValue.FALSE);
    }

    /** What {@code sysparm_display_value} asks for. */
    public enum DisplayValue {
        /** internal values: codes, sys_ids, UTC dates */
        FALSE,
        /** what a user would see, in the integration user's language and time zone */
        TRUE,
        /** both */
        ALL;

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
