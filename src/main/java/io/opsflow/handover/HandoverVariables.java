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

    /** The package fields the start form asks for, in its order. */
    public static final List<String> PACKAGE = List.of(CUSTOMER_ID, DESIGN_SUMMARY, CONSTRAINTS, SERVICE_REQUIREMENTS,
            TECHNICAL_REQUIREMENTS, ENVIRONMENT, MONITORING_ITEMS_FORMAT, MONITORING_ITEMS);
    /** Required on every start; {@link #CONSTRAINTS} may be left out. */
    public static final List<String> REQUIRED = List.of(CUSTOMER_ID, DESIGN_SUMMARY, SERVICE_REQUIREMENTS, TECHNICAL_REQUIREMENTS,
            ENVIRONMENT, MONITORING_ITEMS_FORMAT, MONITORING_ITEMS);
    public static final List<String> FORMATS = List.of("csv", "yaml");

    private HandoverVariables() {
    }
}
