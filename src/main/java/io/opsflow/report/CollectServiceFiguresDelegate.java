package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.CUSTOMER_ID;
import static io.opsflow.report.MonthlyReportVariables.REPORT_MONTH;

import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the month's service figures from the customer's Azure once, before the report is rendered, so
 * that the PDF and every later read show what Azure said then (Resource Health keeps only weeks).
 * A month that has not begun is refused ({@code REPORT_MONTH_NOT_BEGUN}): it has no figures, only zeros.
 */
@Component
class CollectServiceFiguresDelegate implements JavaDelegate {

    static final String MONTH_NOT_BEGUN = "REPORT_MONTH_NOT_BEGUN";

    private final ServiceFigureCollection collection;
    private final ZoneId zone;

    CollectServiceFiguresDelegate(ServiceFigureCollection collection, @Value("${opsflow.reports.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.collection = collection;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
        if (month.isAfter(YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(zone)))) {
            throw new BpmnError(MONTH_NOT_BEGUN, "The month " + month + " has not begun: it has no figures yet");
        }
        collection.collect((String) execution.getVariable(CUSTOMER_ID), month);
    }
}
