package io.opsflow.servicenow.script;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code new GlideRecord(table)} over an in-memory table: {@code addQuery} (=, !=, <, <=, >, >=;
 * numbers compared as numbers), {@code orderBy}, {@code setLimit}, {@code query}, {@code next},
 * {@code hasNext}, {@code getValue} (null when empty, as the platform), {@code setValue},
 * {@code initialize}, {@code insert} (returns the new sys_id), {@code update}, {@code getUniqueValue}.
 */
public final class GlideRecord {

    private final Glide glide;
    private final String table;
    private final List<Predicate<Map<String, String>>> conditions = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private int limit = Integer.MAX_VALUE;
    private List<Map<String, String>> result = List.of();
    private int position = -1;
    private Map<String, String> row = new LinkedHashMap<>();

    GlideRecord(Glide glide, String table) {
        this.glide = glide;
        this.table = table;
    }

    public void addQuery(String field, Object value) {
        addQuery(field, "=", value);
    }

    public void addQuery(String field, String operator, Object value) {
        String expected = text(value);
        conditions.add(r -> {
            int c = compare(r.getOrDefault(field, ""), expected);
            return switch (operator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalArgumentException("operator " + operator + " is not simulated");
            };
        });
    }

    public void orderBy(String field) {
        order.add(field);
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public void query() {
        Comparator<Map<String, String>> by = (a, b) -> 0;
        for (String field : order) {
            by = by.thenComparing((a, b) -> compare(a.getOrDefault(field, ""), b.getOrDefault(field, "")));
        }
        result = glide.table(table).stream().filter(r -> conditions.stream().allMatch(c -> c.test(r)))
                .sorted(by).limit(limit).map(r -> (Map<String, String>) new LinkedHashMap<>(r)).toList();
        position = -1;
    }

    public boolean hasNext() {
        return position + 1 < result.size();
    }

    public boolean next() {
        if (!hasNext()) {
            return false;
        }
        row = result.get(++position);
        return true;
    }

    public String getValue(String field) {
        String value = row.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    public void setValue(String field, Object value) {
        row.put(field, text(value));
    }

    public String getUniqueValue() {
        return row.get("sys_id");
    }

    public void initialize() {
        row = new LinkedHashMap<>();
    }

    public String insert() {
        String sysId = UUID.randomUUID().toString().replace("-", "");
        row.put("sys_id", sysId);
        row.put("sys_created_on", glide.nowText());
        row.put("sys_created_seq", String.valueOf(glide.nextCreated()));
        glide.table(table).add(new LinkedHashMap<>(row));
        return sysId;
    }

    public String update() {
        Map<String, String> stored = glide.table(table).stream().filter(r -> r.get("sys_id").equals(row.get("sys_id")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + table + " row " + row.get("sys_id")));
        stored.putAll(row);
        return row.get("sys_id");
    }

    /** A JavaScript number reaches Java as a Double: an integral one is stored as the platform does, "3" not "3.0". */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return value.toString();
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
