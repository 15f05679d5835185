package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.servicenow.Attachment;
import io.opsflow.servicenow.NewAttachment;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Attaches the reviewed report to the customer's company record ({@code core_company}) in ServiceNow,
 * where the MSP's account team and the customer's portal find it. The archive's file name makes the
 * attachment idempotent: a retried job finds the file it attached before.
 */
@Component
class AttachMonthlyReportDelegate implements JavaDelegate {

    static final String COMPANY_TABLE = "core_company";

    private final ReportArchive archive;
    private final CustomerRegistry customers;
    private final ServiceNowClient servicenow;

    AttachMonthlyReportDelegate(ReportArchive archive, CustomerRegistry customers, ServiceNowClient servicenow) {
        this.archive = archive;
        this.customers = customers;
        this.servicenow = servicenow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        String reportId = (String) execution.getVariable(REPORT_ID);
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalStateException("Customer '" + customerId + "' is no longer in the registry"));
        ReportArchive.Entry entry = archive.find(reportId).orElseThrow(() -> new IllegalStateException("No archived report " + reportId));
        byte[] pdf = archive.pdf(reportId).orElseThrow();
        Attachment attachment = servicenow.attachOnce(new NewAttachment(COMPANY_TABLE, customer.servicenow().companySysId(),
                entry.fileName(), MediaType.APPLICATION_PDF_VALUE, pdf));
        archive.sent(reportId, attachment.sysId());
    }
}
