package io.opsflow.report;

/** Variable names of {@code monthly-report} and {@code monthly-customer-report}, shared by delegates, forms and tests. */
final class MonthlyReportVariables {

    static final String CUSTOMER_ID = "customerId";
    static final String CUSTOMER_IDS = "customerIds";
    static final String CUSTOMER_NAME = "customerName";
    static final String REPORT_MONTH = "reportMonth";
    static final String FIRST_BUSINESS_DAY = "firstBusinessDay";
    static final String REPORT_ID = "reportId";
    static final String REPORT_FILE_NAME = "reportFileName";
    static final String REPORT_LANGUAGE = "reportLanguage";
    static final String REPORT_SUMMARY = "reportSummary";
    static final String REPORT_DOWNLOAD = "reportDownload";
    static final String REPORT_DESTINATION = "reportDestination";
    static final String REPORT_COMMENT = "reportComment";
    static final String REPORT_DECISION = "reportDecision";
    static final String REPORT_REVIEWER = "reportReviewer";

    /** {@value}: the reviewer lets the report go to the customer. */
    static final String SEND = "send";
    /** {@value}: the reviewer keeps this month's report back; it is archived as withheld. */
    static final String WITHHOLD = "withhold";

    private MonthlyReportVariables() {
    }
}
