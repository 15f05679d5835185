package io.opsflow.servicenow;

import java.util.Map;

/**
 * A requested item (sc_req_item, RITM) with ServiceNow's string values, from the Table API or a
 * webhook delivery; {@link #state()} and {@link #stage()} give state and stage in business words.
 * Fields not read are null.
 */
public record RequestedItem(String sysId, String number, String stateCode, String stageCode, String catItem,
        String requestedFor, String approval, String sysUpdatedOn, String sysModCount) {

    static final String FIELDS = "sys_id,number,state,stage,sys_updated_on,sys_mod_count";

    /** The state; {@link RequestedItemState#OTHER} for an instance's own, whose code {@link #stateCode()} keeps. */
    public RequestedItemState state() {
        return RequestedItemState.of(stateCode);
    }

    /** The stage; {@link RequestedItemStage#OTHER} for a flow's own, whose value {@link #stageCode()} keeps. */
    public RequestedItemStage stage() {
        return RequestedItemStage.of(stageCode);
    }

    /** Whether the request was approved in ServiceNow already. */
    public boolean approved() {
        return "approved".equals(approval);
    }

    /** A requested item from a record's fields by Table API name, as a webhook delivers them. */
    public static RequestedItem of(Map<String, String> fields) {
        return from(new TableRecord(fields, Map.of()));
    }

    static RequestedItem from(TableRecord r) {
        return new RequestedItem(r.value("sys_id"), r.value("number"), r.value("state"), r.value("stage"),
                r.value("cat_item"), r.value("requested_for"), r.value("approval"), r.value("sys_updated_on"),
                r.value("sys_mod_count"));
    }
}
