package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.opsflow.messages.Messages;

/** The CSV's service rows: one per resource and figure, "no data" and "not collected" in words, never 0. */
class ReportServicesCsvTest {

    @Test
    void eachFigureIsARowNamedByItsResource() {
        MonthlyReport n = ReportPdfTest.november();
        MonthlyReport report = new MonthlyReport(n.customerId(), n.month(), n.timeZone(), n.asOf(), n.incidents(), n.requests(),
                n.microsoftTickets(), n.trend(), ServiceFigureTexts.services());

        String english = ReportCsv.write(report, Messages.standalone(Locale.ENGLISH));
        assertThat(english).contains("Service figures,Availability,vm-acme-web01,0.9917\r\n", "Service figures,CPU p95 (%),vm-acme-web01,19\r\n",
                "Service figures,CPU p95 (%),vm-acme-db01,No data\r\n", "Service figures,5xx rate,app-acme-shop,0.0100\r\n",
                "Service figures,Distinct users,hp-acme,7\r\n");
        assertThat(ReportCsv.write(report, Messages.standalone(Locale.JAPANESE))).contains("サービス稼働・利用状況,可用性,vm-acme-db01,0.5000");
    }

    @Test
    void aMonthNobodyCollectedIsOneRowSayingSo() {
        String csv = ReportCsv.write(ReportPdfTest.november(), Messages.standalone(Locale.ENGLISH));
        assertThat(csv).contains("Service figures,\"Not collected for this month: the service figures are read from Azure once a month,"
                + " and nobody has collected this one yet.\",,\r\n");
    }
}
