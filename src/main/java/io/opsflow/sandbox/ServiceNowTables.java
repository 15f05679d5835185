package io.opsflow.sandbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * The simulated ServiceNow instance's records, in memory. Values are strings as on the Table API;
 * writing {@code work_notes} or {@code comments} appends a {@code sys_journal_field} entry and
 * leaves the field empty, as ServiceNow does.
 */
@Component
@ConditionalOnSandbox
class ServiceNowTables {

    static final Set<String> TABLES = Set.of("incident", "sc_req_item", "sys_journal_field", "sys_attachment", "core_company", "sys_user_group");
    static final Set<String> JOURNAL_FIELDS = Set.of("work_notes", "comments");
    private static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> NUMBER_PREFIX = Map.of("incident", "INC", "sc_req_item", "RITM");

    private final Map<String, Map<String, Map<String, String>>> tables = new ConcurrentHashMap<>();
    // Insertion order breaks ties of the one-second sys_created_on, newest last.
    private final Map<String, AtomicInteger> numbers = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    synchronized Map<String, String> insert(String table, Map<String, String> fields) {
        String sysId = UUID.randomUUID().toString().replace("-", "");
        String now = now();
        Map<String, String> record = new LinkedHashMap<>();
        record.put("sys_id", sysId);
        if (NUMBER_PREFIX.containsKey(table)) {
            int n = numbers.computeIfAbsent(table, t -> new AtomicInteger(10000)).incrementAndGet();
            record.put("number", NUMBER_PREFIX.get(table) + "00" + n);
            record.put("state", "1");
            record.put("active", "true");
            // As ServiceNow stamps a task when it opens: the pre-operation test measures its times from it.
            record.put("opened_at", now);
        }
        record.put("sys_created_on", now);
        record.put("sys_updated_on", now);
        record.put("sys_mod_count", "0");
        record.put("sys_created_by", "opsflow");
        applyFields(table, record, fields);
        tables.computeIfAbsent(table, t -> java.util.Collections.synchronizedMap(new LinkedHashMap<>())).put(sysId, record);
        return Map.copyOf(record);
    }

    /** A record that exists from the start, with its own sys_id (the README's sample requested item). */
    synchronized void seed(String table, Map<String, String> fields) {
        Map<String, String> record = new LinkedHashMap<>(fields);
        record.putIfAbsent("sys_created_on", now());
        record.putIfAbsent("sys_updated_on", now());
        record.putIfAbsent("sys_mod_count", "0");
        tables.computeIfAbsent(table, t -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()))
                .putIfAbsent(record.get("sys_id"), record);
    }

    synchronized Optional<Map<String, String>> update(String table, String sysId, Map<String, String> fields) {
        Map<String, String> record = tables.getOrDefault(table, Map.of()).get(sysId);
        if (record == null) {
            return Optional.empty();
        }
        applyFields(table, record, fields);
        record.put("sys_updated_on", now());
        record.put("sys_mod_count", String.valueOf(Integer.parseInt(record.get("sys_mod_count")) + 1));
        return Optional.of(Map.copyOf(record));
    }

    synchronized Optional<Map<String, String>> get(String table, String sysId) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(sysId)).map(Map::copyOf);
    }

    /** Matching rows sorted by {@code order}; rows that tie stay oldest first, or newest first if {@code newestFirst}. */
    synchronized List<Map<String, String>> query(String table, Predicate<Map<String, String>> filter,
                                                 Comparator<Map<String, String>> order, boolean newestFirst) {
        List<Map<String, String>> rows = new ArrayList<>();
        tables.getOrDefault(table, Map.of()).values().stream().filter(filter).map(Map::copyOf).forEach(rows::add);
        if (newestFirst) {
            java.util.Collections.reverse(rows);
        }
        rows.sort(order);
        return rows;
    }

    private void applyFields(String table, Map<String, String> record, Map<String, String> fields) {
        fields.forEach((field, value) -> {
            if (JOURNAL_FIELDS.contains(field) && !table.equals("sys_journal_field")) {
                if (value != null && !value.isBlank()) {
                    journal(table, record.get("sys_id"), field, value);
                }
                record.put(field, "");
            } else {
                record.put(field, value == null ? "" : value);
            }
        });
        if (record.containsKey("state")) {
            String state = record.get("state");
            boolean closed = table.equals("incident") ? Set.of("7", "8").contains(state) : Set.of("3", "4", "7").contains(state);
            record.put("active", String.valueOf(!closed));
        }
    }

    private void journal(String table, String sysId, String element, String value) {
        Map<String, String> entry = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString().replace("-", "");
        entry.put("sys_id", id);
        entry.put("name", table);
        entry.put("element", element);
        entry.put("element_id", sysId);
        entry.put("value", value);
        entry.put("sys_created_on", now());
        entry.put("sys_created_by", "opsflow");
        tables.computeIfAbsent("sys_journal_field", t -> java.util.Collections.synchronizedMap(new LinkedHashMap<>())).put(id, entry);
    }

    private String now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(GLIDE_TIME);
    }
}
