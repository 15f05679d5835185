package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * After the review: with a comment, the report is rendered again with it on its first page and
 * replaces the draft (the month is over, so its figures are the draft's); without one, the draft the
 * reviewer read is the report. Archived as withheld when the reviewer kept it back, else as archived
 * (it becomes sent once attached in ServiceNow).
 */
@Component
class IssueMonthlyReportDelegate implements JavaDelegate {

    private final MonthlyReports reports;
    private final ReportArchive archive;
    private final CustomerRegistry customers;
    private final Messages messages;

    IssueMonthlyReportDelegate(MonthlyReports reports, ReportArchive archive, CustomerRegistry customers, Messages messages) {
        this.reports = reports;
        this.archive = archive;
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reportId = (String) execution.getVariable(REPORT_ID);
        String comment = (String) execution.getVariable(REPORT_COMMENT);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        byte[] pdf = comment == null ? archive.pdf(reportId).orElseThrow(() -> new IllegalStateException("No archived report " + reportId))
                : withComment(execution, comment);
        ReportArchive.Status status = WITHHOLD.equals(execution.getVariable(REPORT_DECISION))
                ? ReportArchive.Status.WITHHELD : ReportArchive.Status.ARCHIVED;
        archive.review(reportId, (String) execution.getVariable(REPORT_REVIEWER), comment, pdf, status);
    }

    private byte[] withComment(DelegateExecution execution, String comment) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalStateException("Customer '" + customerId + "' is no longer in the registry"));
        MonthlyReport report = reports.of(customerId, YearMonth.parse((String) execution.getVariable(REPORT_MONTH)));
        return ReportPdf.render(report, customer.displayName(), messages.forCustomer(customer), comment);
    }
}
