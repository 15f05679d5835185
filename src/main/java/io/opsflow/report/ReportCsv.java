package io.opsflow.report;

import java.time.Duration;
import java.util.Map;

import io.opsflow.messages.Messages;

/**
 * The month as CSV rows (section, figure, breakdown, value) in the reader's language: counts as
 * integers, rates as fractions (0.95), durations in minutes with one decimal. RFC 4180 quoting.
 */
final class ReportCsv {

    private final Messages.Texts texts;
    private final StringBuilder out = new StringBuilder();

    private ReportCsv(Messages.Texts texts) {
        this.texts = texts;
    }

    static String write(MonthlyReport report, Messages.Texts texts) {
        ReportCsv csv = new ReportCsv(texts);
        csv.out.append(texts.text("report.csv.header")).append("\r\n");
        csv.incidents(report.incidents());
        csv.requests(report.requests());
        csv.microsoft(report.microsoftTickets());
        csv.services(report.services());
        report.trend().forEach(t -> {
            String month = t.month().toString();
            csv.row("trend", "incidentsOpened", month, t.incidentsOpened());
            csv.row("trend", "incidentsResolved", month, t.incidentsResolved());
            csv.row("trend", "medianTimeToResolve", month, minutes(t.medianTimeToResolve()));
            csv.row("trend", "resolveSlaCompliance", month, t.resolveSlaCompliance());
            csv.row("trend", "requestsOpened", month, t.requestsOpened());
            csv.row("trend", "requestAutomation", month, t.requestAutomation());
        });
        return csv.out.toString();
    }

    private void incidents(MonthlyReport.Incidents i) {
        row("incidents", "opened", "", i.opened());
        row("incidents", "resolved", "", i.resolved());
        row("incidents", "openAtMonthEnd", "", i.openAtMonthEnd());
        i.bySource().forEach((source, n) -> row("incidents", "bySource", source, n));
        i.byPriority().forEach((priority, n) -> row("incidents", "byPriority", priority, n));
        durations("timeToAcknowledge", i.timeToAcknowledge());
        durations("timeToIdentifyCause", i.timeToIdentifyCause());
        durations("timeToResolve", i.timeToResolve());
        i.sla().forEach(s -> row("incidents", "slaCompliance", s.target(), s.compliance()));
        i.breaches().forEach(b -> row("incidents", "slaBreach", b.incident() + " " + b.target(), b.due().toString()));
        row("incidents", "reopened", "", i.reopened());
        row("incidents", "alerts", "", i.alerts().total());
        row("incidents", "storms", "", i.alerts().storms());
        row("incidents", "selfHealed", "", i.selfHealed().rate());
        row("incidents", "diagnosedAutomatically", "", i.diagnosedAutomatically().rate());
        i.topAlertRules().forEach(r -> row("incidents", "topAlertRules", r.name(), r.count()));
        i.topResources().forEach(r -> row("incidents", "topResources", r.name(), r.count()));
    }

    private void requests(MonthlyReport.Requests r) {
        row("requests", "opened", "", r.opened());
        r.perItem().forEach((item, n) -> row("requests", "perItem", item, n));
        row("requests", "leadTime", "median", minutes(r.leadTime().median()));
        row("requests", "leadTime", "p90", minutes(r.leadTime().p90()));
        row("requests", "approvalWait", "median", minutes(r.approvalWait().median()));
        row("requests", "approvalWait", "p90", minutes(r.approvalWait().p90()));
        row("requests", "completed", "", r.completed());
        row("requests", "failed", "", r.failed());
        row("requests", "fulfilledByHand", "", r.fulfilledByHand());
        row("requests", "automated", "", r.automated().rate());
    }

    private void microsoft(MonthlyReport.MicrosoftTickets m) {
        row("microsoft", "opened", "", m.opened());
        row("microsoft", "firstResponse", "median", minutes(m.firstResponse().median()));
        row("microsoft", "firstResponse", "p90", minutes(m.firstResponse().p90()));
        row("microsoft", "openAtMonthEnd", "", m.openAtMonthEnd());
    }

    /** One row per resource and figure, the resource's name as breakdown; "not collected" and "no data" in words, never 0. */
    private void services(MonthlyReport.Services s) {
        String section = texts.text("report.services.section");
        if (!s.collected()) {
            serviceRow(section, texts.text("report.services.notCollected"), "", null);
            return;
        }
        for (MonthlyReport.ServiceResource r : s.resources()) {
            r.figures().forEach((figure, value) -> serviceRow(section, texts.text("report.services.figure." + figure), r.name(),
                    value == null ? texts.text("report.services.noData") : number(value)));
        }
    }

    private void serviceRow(String section, String figure, String breakdown, String value) {
        out.append(quote(section)).append(',').append(quote(figure)).append(',').append(quote(breakdown)).append(',')
                .append(value == null ? "" : quote(value)).append("\r\n");
    }

    /** Shares as fractions like the other rates; whole counts without a decimal point. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    private void durations(String figure, Map<String, Durations> byPriority) {
        byPriority.forEach((priority, d) -> {
            row("incidents", figure, priority + " median", minutes(d.median()));
            row("incidents", figure, priority + " p90", minutes(d.p90()));
        });
    }

    private void row(String section, String figure, String breakdown, Object value) {
        out.append(quote(texts.text("report.section." + section))).append(',')
                .append(quote(texts.text("report.figure." + figure))).append(',')
                .append(quote(breakdown)).append(',')
                .append(value == null ? "" : quote(value.toString())).append("\r\n");
    }

    private static String minutes(Duration duration) {
        return duration == null ? null : String.format(java.util.Locale.ROOT, "%.1f", duration.toSeconds() / 60.0);
    }

    private static String quote(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        // A leading =, +, - or @ would be a formula in a spreadsheet: prefixed with ' (OWASP CSV injection).
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?") ? "'" + text : text;
        return plain && safe.equals(text) ? text : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
