package io.opsflow.report;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfPTable;

/**
 * The PDF's service figures: one row per monitored resource with its kind, availability and usage
 * figures, as {@link MonthlyReport.ServiceResource} defines them. A month nobody collected says so
 * in words instead of a table of zeros.
 */
final class ReportPdfServices {

    private ReportPdfServices() {
    }

    /** Null when there is no table to show: not collected, or no monitored resource; {@link #absent} says which. */
    static PdfPTable table(MonthlyReport.Services services, ReportPdfStyle style) {
        if (!services.collected() || services.resources().isEmpty()) {
            return null;
        }
        PdfPTable table = style.table(4, 2, 2, 4);
        table.addCell(style.header(style.text("report.services.resource")));
        table.addCell(style.header(style.text("report.services.kind")));
        table.addCell(style.header(style.text("report.services.availability")));
        table.addCell(style.header(style.text("report.services.usage")));
        for (MonthlyReport.ServiceResource r : services.resources()) {
            table.addCell(style.label(r.name()));
            table.addCell(style.label(style.text("report.services.kind." + r.kind())));
            table.addCell(style.value(availability(r, style)));
            table.addCell(style.label(usage(r, style)));
        }
        return table;
    }

    static String absent(MonthlyReport.Services services, ReportPdfStyle style) {
        return style.text(services.collected() ? "report.services.noResources" : "report.services.notCollected");
    }

    /** When Azure was read, and what each figure means. */
    static String note(MonthlyReport.Services services, ReportPdfStyle style) {
        String definitions = style.text("report.services.definitions");
        return services.collected() ? style.text("report.services.collectedAt", style.dateTime(services.collectedAt())) + " "
                + definitions : definitions;
    }

    private static String availability(MonthlyReport.ServiceResource r, ReportPdfStyle style) {
        if (!r.figures().containsKey(ServiceFigure.AVAILABILITY.key)) {
            return ReportPdfStyle.EMPTY;
        }
        Double value = r.figures().get(ServiceFigure.AVAILABILITY.key);
        if (value == null) {
            return style.text("report.services.noData");
        }
        return format(ServiceFigure.AVAILABILITY, value, style) + "\n(" + style.text("report.services.source." + r.availabilitySource()) + ")";
    }

    private static String usage(MonthlyReport.ServiceResource r, ReportPdfStyle style) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.figures().entrySet()) {
            if (ServiceFigure.AVAILABILITY.key.equals(e.getKey())) {
                continue;
            }
            ServiceFigure figure = ServiceFigure.of(e.getKey());
            lines.add(style.text("report.services.figure." + figure.key) + ": "
                    + (e.getValue() == null ? style.text("report.services.noData") : format(figure, e.getValue(), style)));
        }
        return lines.isEmpty() ? ReportPdfStyle.EMPTY : String.join("\n", lines);
    }

    /** Shares as percentages with two decimals (99.95 % and 99.5 % differ for an SLA); Azure's % with one. */
    static String format(ServiceFigure figure, double value, ReportPdfStyle style) {
        NumberFormat format = figure.unit == ServiceFigure.Unit.SHARE ? NumberFormat.getPercentInstance(style.texts.locale())
                : NumberFormat.getNumberInstance(style.texts.locale());
        format.setMaximumFractionDigits(figure.unit == ServiceFigure.Unit.COUNT ? 0 : figure.unit == ServiceFigure.Unit.SHARE ? 2 : 1);
        return format.format(value);
    }
}
