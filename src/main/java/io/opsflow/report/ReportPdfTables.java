package io.opsflow.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The PDF's tables with more than two columns: incidents by priority, SLA targets, breaches and the trend. */
final class ReportPdfTables {

    private ReportPdfTables() {
    }

    /** Opened and median / p90 of each duration, per priority and then for all. */
    static PdfPTable byPriority(MonthlyReport.Incidents incidents, ReportPdfStyle style, List<String> durations) {
        PdfPTable table = style.table(2, 1, 1, 1, 1, 1, 1, 1);
        table.setHeaderRows(2);
        PdfPCell priority = style.header(style.text("report.pdf.priority"));
        priority.setRowspan(2);
        table.addCell(priority);
        PdfPCell opened = style.header(style.text("report.figure.opened"));
        opened.setRowspan(2);
        table.addCell(opened);
        for (String figure : durations) {
            PdfPCell cell = style.header(style.text("report.figure." + figure));
            cell.setColspan(2);
            table.addCell(cell);
        }
        for (int i = 0; i < durations.size(); i++) {
            table.addCell(style.header(style.text("report.pdf.median")));
            table.addCell(style.header(style.text("report.pdf.p90")));
        }
        Set<String> priorities = new TreeSet<>(incidents.byPriority().keySet());
        durations.forEach(figure -> priorities.addAll(durationsOf(incidents, figure).keySet()));
        priorities.remove(IncidentFigures.ALL);
        for (String p : priorities) {
            priorityRow(table, style, p, incidents.byPriority().getOrDefault(p, 0), incidents, durations);
        }
        priorityRow(table, style, IncidentFigures.ALL, incidents.opened(), incidents, durations);
        return table;
    }

    private static void priorityRow(PdfPTable table, ReportPdfStyle style, String priority, int opened,
                                    MonthlyReport.Incidents incidents, List<String> durations) {
        boolean all = IncidentFigures.ALL.equals(priority);
        table.addCell(all ? style.cell(style.text("report.pdf.all"), style.strong, Element.ALIGN_LEFT) : style.label(priority));
        table.addCell(style.value(style.count(opened)));
        for (String figure : durations) {
            Durations d = durationsOf(incidents, figure).get(priority);
            table.addCell(style.value(style.minutes(d == null ? null : d.median())));
            table.addCell(style.value(style.minutes(d == null ? null : d.p90())));
        }
    }

    private static Map<String, Durations> durationsOf(MonthlyReport.Incidents incidents, String figure) {
        return switch (figure) {
            case "timeToAcknowledge" -> incidents.timeToAcknowledge();
            case "timeToIdentifyCause" -> incidents.timeToIdentifyCause();
            case "timeToResolve" -> incidents.timeToResolve();
            default -> throw new IllegalArgumentException(figure);
        };
    }

    static PdfPTable sla(List<MonthlyReport.SlaTarget> targets, ReportPdfStyle style) {
        PdfPTable table = style.table(3, 1, 1, 1);
        table.addCell(style.header(style.text("report.pdf.target")));
        table.addCell(style.header(style.text("report.pdf.met")));
        table.addCell(style.header(style.text("report.pdf.missed")));
        table.addCell(style.header(style.text("report.figure.slaCompliance")));
        for (MonthlyReport.SlaTarget target : targets) {
            table.addCell(style.label(style.text("report.pdf.target." + target.target())));
            table.addCell(style.value(style.count(target.met())));
            table.addCell(style.value(style.count(target.missed())));
            table.addCell(style.value(style.rate(target.compliance())));
        }
        return table;
    }

    static PdfPTable breaches(List<MonthlyReport.SlaBreach> breaches, ReportPdfStyle style) {
        PdfPTable table = style.table(2, 1, 2, 2, 2);
        table.addCell(style.header(style.text("report.pdf.incident")));
        table.addCell(style.header(style.text("report.pdf.priority")));
        table.addCell(style.header(style.text("report.pdf.target")));
        table.addCell(style.header(style.text("report.pdf.due")));
        table.addCell(style.header(style.text("report.pdf.reached")));
        for (MonthlyReport.SlaBreach breach : breaches) {
            table.addCell(style.label(breach.incident() == null ? ReportPdfStyle.EMPTY : breach.incident()));
            table.addCell(style.label(breach.priority() == null ? ReportPdfStyle.EMPTY : breach.priority()));
            table.addCell(style.label(style.text("report.pdf.target." + breach.target())));
            table.addCell(style.value(style.dateTime(breach.due())));
            table.addCell(style.value(breach.reached() == null ? style.text("report.pdf.notReached") : style.dateTime(breach.reached())));
        }
        return table;
    }

    /** One column per month, oldest first, as the trend is kept. */
    static PdfPTable trend(List<MonthlyReport.Trend> trend, ReportPdfStyle style) {
        float[] widths = new float[trend.size() + 1];
        Arrays.fill(widths, 1);
        widths[0] = 3;
        PdfPTable table = style.table(widths);
        table.addCell(style.header(""));
        trend.forEach(t -> table.addCell(style.header(style.shortMonth.format(t.month()))));
        trendRow(table, style, "incidentsOpened", trend.stream().map(t -> style.count(t.incidentsOpened())).toList());
        trendRow(table, style, "incidentsResolved", trend.stream().map(t -> style.count(t.incidentsResolved())).toList());
        trendRow(table, style, "medianTimeToResolve", trend.stream().map(t -> style.minutes(t.medianTimeToResolve())).toList());
        trendRow(table, style, "resolveSlaCompliance", trend.stream().map(t -> style.rate(t.resolveSlaCompliance())).toList());
        trendRow(table, style, "requestsOpened", trend.stream().map(t -> style.count(t.requestsOpened())).toList());
        trendRow(table, style, "requestAutomation", trend.stream().map(t -> style.rate(t.requestAutomation())).toList());
        return table;
    }

    private static void trendRow(PdfPTable table, ReportPdfStyle style, String figure, List<String> values) {
        table.addCell(style.label(style.text("report.figure." + figure)));
        values.forEach(v -> table.addCell(style.value(v)));
    }
}
