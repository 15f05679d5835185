package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.FIRST_BUSINESS_DAY;
import static io.opsflow.report.MonthlyReportVariables.REPORT_MONTH;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timer fires on each of the month's first seven days (one of them is always the first business
 * day); this says whether today, in the reports' time zone, is the one. On that day the run reports
 * the month before, and that month becomes the business key.
 */
@Component
class CheckFirstBusinessDayDelegate implements JavaDelegate {

    private final BusinessCalendar calendar;
    private final ZoneId zone;

    CheckFirstBusinessDayDelegate(BusinessCalendar calendar, @Value("${opsflow.reports.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        boolean first = today.equals(calendar.firstBusinessDay(YearMonth.from(today)));
        execution.setVariable(FIRST_BUSINESS_DAY, first);
        if (first) {
            String month = YearMonth.from(today).minusMonths(1).toString();
            execution.setVariable(REPORT_MONTH, month);
            execution.setProcessBusinessKey(month);
        }
    }
}
