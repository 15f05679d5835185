package io.opsflow.handover;

import java.util.List;

import io.opsflow.access.CustomerTenantIdProvider;

/** The design-handover process: its key and the variables its forms, delegates and gateways share. */
public final class HandoverVariables {

    public static final String KEY = "design-handover";

    /** The customer handed over: the instance's tenant and business key. */
    public static final String CUSTOMER_ID = CustomerTenantIdProvider.CUSTOMER_ID;
    public static final String DESIGN_SUMMARY = "designSummary";
    public static final String CONSTRAINTS = "constraints";
    public static final String SERVICE_REQUIREMENTS = "serviceRequirements";
    public static final String TECHNICAL_REQUIREMENTS = "technicalRequirements";
    public static final String ENVIRONMENT = "environment";
    /** The monitoring items list as text, in {@link #MONITORING_ITEMS_FORMAT} ({@code csv} or {@code yaml}). */
    public static final String MONITORING_ITEMS = "monitoringItems";
    public static final String MONITORING_ITEMS_FORMAT = "monitoringItemsFormat";
    /** Optional: the operation scenarios agreed with the customer, kept with the agreement. */
    public static final String OPERATION_SCENARIOS = "operationScenarios";
    /** Optional: SLA targets per priority as the registry writes them (YAML); pending until go-live. */
    public static final String SLA_TARGETS = "slaTargets";
    /** Optional: the named operators, one Entra ID user principal name per line. */
    public static final String OPERATOR_ACCOUNTS = "operatorAccounts";
    /** The customer's operators group in Entra ID (object id); required when operators are named. */
    public static final String OPERATOR_GROUP_OBJECT_ID = "operatorGroupObjectId";

    /** Set by the check: one line per problem in the customer's language ("3行目「閾値」: …"), empty when clean. */
    public static final String PACKAGE_PROBLEMS = "packageProblems";
    public static final String PACKAGE_CLEAN = "packageClean";

    public static final String REQUIREMENTS_FEASIBLE = "requirementsFeasible";
    public static final String DESIGN_REVIEWED = "designReviewed";
    public static final String SCENARIOS_AGREED = "scenariosAgreed";
    /** {@code agree} or {@code reject}. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String AGREE = "agree";
    public static final String REJECT = "reject";

    /** Set by planning: what applying would change, one line each in the customer's language. */
    public static final String MONITORING_CHANGES = "monitoringChanges";
    public static final String MONITORING_CHANGES_PENDING = "monitoringChangesPending";
    /** What the operators approved: the plan's fingerprint, compared when the apply step plans again. */
    public static final String MONITORING_PLAN_FINGERPRINT = "monitoringPlanFingerprint";
    /** The customer has Zabbix items but no Zabbix API opsflow reaches: an operator imports the file. */
    public static final String ZABBIX_IMPORT_NEEDED = "zabbixImportNeeded";
    /** {@code apply}, {@code recheck} (plan again) or {@code reject} (back to the design team, the reason in {@link #REVIEW_COMMENT}). */
    public static final String APPLY_DECISION = "applyDecision";
    public static final String APPLY = "apply";
    public static final String RECHECK = "recheck";

    /** The runbook parameters of each named operator, for the multi-instance account step. */
    public static final String OPERATOR_ACCOUNT_JOBS = "operatorAccountJobs";
    /** The checked user principal names, in the order of the jobs: what the account task shows. */
    public static final String NAMED_OPERATORS = "namedOperators";
    /** {@code retry} the runbook or {@code done} by hand. */
    public static final String ACCOUNT_DECISION = "accountDecision";

    /** The pre-operation test: run id, what was fired, results table, and whether it is over and passed. */
    public static final String PRE_OPERATION_RUN = "preOperationRun";
    public static final String PRE_OPERATION_FIRED = "preOperationFired";
    public static final String PRE_OPERATION_RESULTS = "preOperationResults";
    public static final String PRE_OPERATION_DONE = "preOperationDone";
    public static final String PRE_OPERATION_PASSED = "preOperationPassed";
    /** {@code retest} or {@code recheck} (plan the monitoring again, then test again). */
    public static final String PRE_OPERATION_DECISION = "preOperationDecision";
    public static final String RETEST = "retest";

    /** Go-live: the customer's approval as the operator records it. */
    public static final String CUSTOMER_APPROVED = "customerApproved";
    public static final String CUSTOMER_APPROVED_BY = "customerApprovedBy";
    public static final String GO_LIVE_COMMENT = "goLiveComment";

    /** The package fields the start form asks for, in its order. */
    public static final List<String> PACKAGE = List.of(CUSTOMER_ID, DESIGN_SUMMARY, CONSTRAINTS, SERVICE_REQUIREMENTS,
            TECHNICAL_REQUIREMENTS, ENVIRONMENT, MONITORING_ITEMS_FORMAT, MONITORING_ITEMS, OPERATION_SCENARIOS, SLA_TARGETS,
            OPERATOR_ACCOUNTS, OPERATOR_GROUP_OBJECT_ID);
    /** Required on every start; constraints, scenarios, SLA targets and operators may be left out. */
    public static final List<String> REQUIRED = List.of(CUSTOMER_ID, DESIGN_SUMMARY, SERVICE_REQUIREMENTS, TECHNICAL_REQUIREMENTS,
            ENVIRONMENT, MONITORING_ITEMS_FORMAT, MONITORING_ITEMS);
    public static final List<String> FORMATS = List.of("csv", "yaml");

    private HandoverVariables() {
    }
}
