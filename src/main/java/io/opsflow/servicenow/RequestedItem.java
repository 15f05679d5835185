package io.opsflow.servicenow;

/**
 * A requested item (sc_req_item, RITM) with ServiceNow's string values. {@code state}: "1" Open,
 * "2" Work in Progress, "3" Closed Complete, "4" Closed Incomplete, "7" Closed Skipped, "-5" Pending;
 * {@code stage} is defined by the item's flow.
 */
public record RequestedItem(String sysId, String number, String state, String stage, String sysUpdatedOn,
        String sysModCount) {

    public static final String STATE_WORK_IN_PROGRESS = "2";
    public static final String STATE_CLOSED_COMPLETE = "3";
    public static final String STATE_CLOSED_INCOMPLETE = "4";

    static final String FIELDS = "sys_id,number,state,stage,sys_updated_on,sys_mod_count";

    static RequestedItem from(TableRecord r) {
        return new RequestedItem(r.value("sys_id"), r.value("number"), r.value("state"), r.value("stage"),
                r.value("sys_updated_on"), r.value("sys_mod_count"));
    }
}
