package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.*;

import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * Renders the customer's month as a PDF in the customer's language and keeps it in the archive as a
 * draft for the operator's review; the review task shows its headline figures and where to read it.
 */
@Component
class RenderMonthlyReportDelegate implements JavaDelegate {

    private final MonthlyReports reports;
    private final ReportArchive archive;
    private final CustomerRegistry customers;
    private final Messages messages;
    private final ZoneId zone;

    RenderMonthlyReportDelegate(MonthlyReports reports, ReportArchive archive, CustomerRegistry customers, Messages messages,
                                @Value("${opsflow.reports.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.reports = reports;
        this.archive = archive;
        this.customers = customers;
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        YearMonth month = YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalStateException("Customer '" + customerId + "' is no longer in the registry"));
        Messages.Texts texts = messages.forCustomer(customer);
        MonthlyReport report = reports.of(customerId, month);
        byte[] pdf = ReportPdf.render(report, customer.displayName(), texts, null);
        ReportArchive.Entry entry = archive.add(customerId, month, texts.locale().getLanguage(), execution.getProcessInstanceId(), pdf);
        execution.setVariable(CUSTOMER_NAME, customer.displayName());
        execution.setVariable(REPORT_ID, entry.id());
        execution.setVariable(REPORT_FILE_NAME, entry.fileName());
        execution.setVariable(REPORT_LANGUAGE, entry.language());
        execution.setVariable(REPORT_DOWNLOAD, ReportArchiveController.download(customerId, entry.id()));
        execution.setVariable(REPORT_SUMMARY, summary(report, texts));
        execution.setVariable(REPORT_DESTINATION, customer.servicenow() != null && customer.servicenow().companySysId() != null
                ? "servicenow" : "archive");
    }

    private String summary(MonthlyReport report, Messages.Texts texts) {
        ReportPdfStyle style = new ReportPdfStyle(texts, zone);
        MonthlyReport.Incidents incidents = report.incidents();
        Double resolveSla = incidents.sla().stream().filter(s -> "resolve".equals(s.target())).findFirst()
                .map(MonthlyReport.SlaTarget::compliance).orElse(null);
        return texts.text("report.review.summary", style.count(incidents.opened()), style.count(incidents.resolved()),
                style.count(incidents.openAtMonthEnd()), style.rate(resolveSla), style.count(report.requests().opened()),
                style.rate(report.requests().automated().rate()), style.count(report.microsoftTickets().opened()));
    }
}
