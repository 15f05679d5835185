package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.queryValue;
import static io.opsflow.servicenow.TableApi.recordParameters;
import static io.opsflow.servicenow.TableApi.result;
import static io.opsflow.servicenow.TableApi.results;
import static io.opsflow.servicenow.TableApi.sysId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/** The {@code incident} table: one incident per correlation id, reads and updates. */
final class IncidentTable {

    private static final Logger log = LoggerFactory.getLogger(IncidentTable.class);

    private final TableApi api;

    IncidentTable(TableApi api) {
        this.api = api;
    }

    Incident create(NewIncident incident) {
        Optional<Incident> existing = findByCorrelationId(incident.correlationId());
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
        TableApi.Request post = TableApi.Request.table(HttpMethod.POST, "incident", null,
                recordParameters(Incident.FIELDS)).withJson(body);
        // A POST whose answer was lost may have created the incident: look again before re-posting.
        return api.call(post, response -> Incident.from(result(response)),
                () -> findByCorrelationId(incident.correlationId()));
    }

    Optional<Incident> findByCorrelationId(String correlationId) {
        // Oldest first, so that if someone else made a duplicate, every caller settles on the same one.
        return find("correlation_id=" + queryValue(correlationId) + "^ORDERBYsys_created_on");
    }

    Optional<Incident> findByNumber(String number) {
        return find("number=" + queryValue(number));
    }

    private Optional<Incident> find(String encodedQuery) {
        Map<String, String> parameters = recordParameters(Incident.FIELDS);
        parameters.put("sysparm_query", encodedQuery);
        parameters.put("sysparm_limit", "1");
        TableApi.Request get = TableApi.Request.table(HttpMethod.GET, "incident", null, parameters);
        return api.call(get, response -> results(response, TableQuery.DisplayValue.FALSE).stream().findFirst()
                .map(Incident::from));
    }

    Incident get(String sysId) {
        TableApi.Request get = TableApi.Request.table(HttpMethod.GET, "incident", sysId(sysId),
                recordParameters(Incident.FIELDS));
        return api.call(get, response -> Incident.from(result(response)));
    }

    Incident update(String sysId, IncidentUpdate update) {
        TableApi.Request patch = TableApi.Request.table(HttpMethod.PATCH, "incident", sysId(sysId),
                recordParameters(Incident.FIELDS)).withJson(update.fields());
        return api.call(patch, response -> Incident.from(result(response)));
    }
}
