package io.opsflow.servicenow;

import static io.opsflow.servicenow.TableApi.recordParameters;
import static io.opsflow.servicenow.TableApi.result;
import static io.opsflow.servicenow.TableApi.sysId;

import org.springframework.http.HttpMethod;

/** The {@code sc_req_item} table: requested items (RITMs) of the service catalog. */
final class RequestedItemTable {

    private final TableApi api;

    RequestedItemTable(TableApi api) {
        this.api = api;
    }

    RequestedItem update(String sysId, RequestedItemUpdate update) {
        TableApi.Request patch = TableApi.Request.table(HttpMethod.PATCH, "sc_req_item", sysId(sysId),
                recordParameters(RequestedItem.FIELDS)).withJson(update.fields());
        return api.call(patch, response -> RequestedItem.from(result(response)));
    }
}
