package io.opsflow.catalog;

/** Names of the service-catalog-request process variables used from code. */
public final class CatalogVariables {

    public static final String PROCESS_KEY = "service-catalog-request";

    public static final String RITM_SYS_ID = "ritmSysId";
    public static final String RITM_NUMBER = "ritmNumber";
    public static final String CAT_ITEM_SYS_ID = "catItemSysId";
    public static final String CAT_ITEM_NAME = "catItemName";
    public static final String REQUESTED_FOR = "requestedFor";
    /** ServiceNow's display value of {@code requested_for} (the person's name), empty when not sent. */
    public static final String REQUESTED_FOR_NAME = "requestedForName";
    /** The customer's display name from the registry, as tasks and forms show it. */
    public static final String CUSTOMER_NAME = "customerName";
    /** The names of the resources the request changes (the definition's targets), comma-separated. */
    public static final String TARGET_RESOURCES = "targetResources";
    /** The requester's reason: the RITM variable {@code reason}, empty when the item has none. */
    public static final String REQUEST_REASON = "requestReason";
    /** The RITM variable {@code scheduled_start} as "yyyy-MM-dd HH:mm UTC", empty when the item has none. */
    public static final String SCHEDULED_START = "scheduledStart";
    /** Whether the scheduled start had already passed when the task was created. */
    public static final String SCHEDULED_START_PASSED = "scheduledStartPassed";
    /** The RITM's catalog variables as a JSON object of strings. */
    public static final String RITM_VARIABLES = "ritmVariables";
    public static final String REQUEST_VALID = "requestValid";
    public static final String VALIDATION_NOTE = "validationNote";
    public static final String CATALOG_ITEM_ID = "catalogItemId";
    public static final String RUNBOOK = "runbook";
    /** The runbook parameters as a JSON object of strings. */
    public static final String RUNBOOK_PARAMETERS = "runbookParameters";
    public static final String REQUEST_SUMMARY = "requestSummary";
    public static final String APPROVAL_REQUIRED = "approvalRequired";
    public static final String APPROVAL_GROUP = "approvalGroup";
    public static final String APPROVAL_REMINDER = "approvalReminder";
    public static final String APPROVAL_DEADLINE = "approvalDeadline";
    public static final String FULFILMENT_TIMEOUT = "fulfilmentTimeout";
    public static final String FULFILMENT_ATTEMPT = "fulfilmentAttempt";
    public static final String FAILURE_OPENS_INCIDENT = "failureOpensIncident";
    public static final String JOB_NAME = "jobName";
    public static final String JOB_OUTCOME = "jobOutcome";
    public static final String RESULT_NOTE = "resultNote";
    public static final String MESSAGE_REQUEST_ITEM_CANCELLED = "RequestItemCancelled";

    private CatalogVariables() {
    }
}
