package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.recordParameters;
import static io.opsflow.servicenow.TableApi.result;
import static io.opsflow.servicenow.TableApi.results;
import static io.opsflow.servicenow.TableApi.sysId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * {@code sys_journal_field}: the latest comments and work notes of a record, and notes written at
 * most once per {@link NoteKey} by looking for the key's marker before writing.
 */
final class JournalTable {

    private static final Logger log = LoggerFactory.getLogger(JournalTable.class);

    private final TableApi api;

    JournalTable(TableApi api) {
        this.api = api;
    }

    List<JournalEntry> latest(String incidentSysId, Set<JournalField> fields, int limit) {
        if (limit < 1 || fields.isEmpty()) {
            throw new IllegalArgumentException("Need at least one journal field and a positive limit");
        }
        String elements = fields.stream().map(JournalField::element).sorted().collect(Collectors.joining(","));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_query", "name=incident^element_id=" + sysId(incidentSysId) + "^elementIN" + elements
                + "^ORDERBYDESCsys_created_on");
        parameters.put("sysparm_fields", JournalEntry.FIELDS);
        parameters.put("sysparm_limit", Integer.toString(limit));
        TableApi.Request get = TableApi.Request.table(HttpMethod.GET, "sys_journal_field", null, parameters);
        return api.call(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream()
                .map(JournalEntry::from).toList());
    }

    /**
     * The journal is looked up before every keyed write, not only on a retry: the client cannot tell
     * a first attempt from a job retried after a crash or a lost answer (the job executor does not say
     * so, and a crash after ServiceNow committed leaves no failure behind). The GET is one query on
     * {@code sys_journal_field}'s indexed {@code element_id}; a note costs two calls instead of one.
     * Inside one call, a retry after a lost answer looks again before patching again.
     */
    <T> T updateOnce(String table, String sysId, Map<String, String> fields, String recordFields, NoteKey noteKey,
            Function<TableRecord, T> from) {
        String id = sysId(sysId);
        Map<String, String> marked = noteKey.mark(fields);
        Supplier<Optional<T>> alreadyWritten = () -> {
            if (!noteWritten(table, id, noteKey)) {
                return Optional.empty();
            }
            log.info("{} {} already has note {}: not writing it again", table, id, noteKey.marker());
            TableApi.Request get = TableApi.Request.table(HttpMethod.GET, table, id, recordParameters(recordFields));
            return Optional.of(api.call(get, response -> from.apply(result(response))));
        };
        Optional<T> done = alreadyWritten.get();
        if (done.isPresent()) {
            return done.get();
        }
        TableApi.Request patch = TableApi.Request.table(HttpMethod.PATCH, table, id, recordParameters(recordFields))
                .withJson(marked);
        return api.call(patch, response -> from.apply(result(response)), alreadyWritten);
    }

    private boolean noteWritten(String table, String sysId, NoteKey noteKey) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sysparm_query", "name=" + table + "^element_id=" + sysId + "^elementIN"
                + JournalField.COMMENTS.element() + "," + JournalField.WORK_NOTES.element() + "^valueLIKE" + noteKey.token());
        parameters.put("sysparm_fields", "sys_id,value");
        parameters.put("sysparm_limit", "1");
        TableApi.Request get = TableApi.Request.table(HttpMethod.GET, "sys_journal_field", null, parameters);
        return api.call(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream()
                .anyMatch(entry -> String.valueOf(entry.value("value")).contains(noteKey.marker())));
    }
}
