package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.queryValue;
import static io.opsflow.servicenow.TableApi.recordParameters;
import static io.opsflow.servicenow.TableApi.result;
import static io.opsflow.servicenow.TableApi.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * A customer's company ({@code core_company}) and its assignment group ({@code sys_user_group}), found by
 * name or created: a record of that name is taken as it is, and a POST whose answer was lost is looked
 * up again before it is sent twice.
 */
final class CompanyTables {

    private final TableApi api;

    CompanyTables(TableApi api) {
        this.api = api;
    }

    String ensureCompany(String name) {
        return ensure("core_company", "name=" + queryValue(name), Map.of("name", name));
    }

    String ensureAssignmentGroup(String name, String companySysId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("company", TableApi.sysId(companySysId));
        body.put("description", "Assignment group of the customer's incidents and requests, opened by opsflow");
        return ensure("sys_user_group", "name=" + queryValue(name), body);
    }

    private String ensure(String table, String query, Map<String, String> body) {
        Optional<String> existing = find(table, query);
        if (existing.isPresent()) {
            return existing.get();
        }
        TableApi.Request post = TableApi.Request.table(HttpMethod.POST, table, null, recordParameters("sys_id")).withJson(body);
        return api.call(post, response -> result(response).value("sys_id"), () -> find(table, query));
    }

    private Optional<String> find(String table, String query) {
        Map<String, String> parameters = recordParameters("sys_id");
        parameters.put("sysparm_query", query + "^ORDERBYsys_created_on");
        parameters.put("sysparm_limit", "1");
        return api.call(TableApi.Request.table(HttpMethod.GET, table, null, parameters),
                response -> results(response, TableQuery.DisplayValue.FALSE).stream().findFirst().map(r -> r.value("sys_id")));
    }
}
