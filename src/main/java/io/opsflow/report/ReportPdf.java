package io.opsflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.opsflow.messages.Messages;

/**
 * One customer's month as an A4 PDF in the reader's language: the headline figures and the two charts
 * first, for a manager who reads one page, then incidents, service requests, Microsoft tickets and the
 * trend in the order of the CSV. The figures mean what {@link MonthlyReport} defines; durations are in
 * minutes, as in the CSV.
 */
final class ReportPdf {

    private static final List<String> DURATIONS = List.of("timeToAcknowledge", "timeToIdentifyCause", "timeToResolve");

    /** Room a heading takes above its table, in points. */
    private static final float HEADING = 30;

    private final MonthlyReport report;
    private final ReportPdfStyle style;
    private final Document document;
    private final PdfWriter writer;

    private ReportPdf(MonthlyReport report, ReportPdfStyle style, Document document, PdfWriter writer) {
        this.report = report;
        this.style = style;
        this.document = document;
        this.writer = writer;
    }

    static byte[] render(MonthlyReport report, String customerName, Messages.Texts texts) {
        return render(report, customerName, texts, null);
    }

    /** With the operations team's comment under the headline figures (the monthly report after its review), if any. */
    static byte[] render(MonthlyReport report, String customerName, Messages.Texts texts, String comment) {
        ReportPdfStyle style = new ReportPdfStyle(texts, ZoneId.of(report.timeZone()));
        String title = texts.text("report.pdf.title", customerName, style.month(report.month()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 48);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("opsflow");
        HeaderFooter footer = new HeaderFooter(new Phrase(title + " — ", style.small), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        ReportPdf pdf = new ReportPdf(report, style, document, writer);
        document.add(new Paragraph(title, style.title));
        document.add(new Paragraph(texts.text("report.pdf.asOf", style.dateTime(report.asOf()), report.timeZone()), style.small));
        pdf.headline();
        if (comment != null && !comment.isBlank()) {
            document.add(pdf.heading("report.pdf.comment"));
            Paragraph text = new Paragraph(comment, style.body);
            text.setSpacingAfter(10);
            document.add(text);
        }
        pdf.charts();
        pdf.incidents(report.incidents());
        pdf.requests(report.requests());
        pdf.microsoft(report.microsoftTickets());
        pdf.services();
        pdf.trend();
        document.close();
        return out.toByteArray();
    }

    private void headline() {
        MonthlyReport.Incidents incidents = report.incidents();
        Double resolveSla = incidents.sla().stream().filter(s -> "resolve".equals(s.target())).findFirst()
                .map(MonthlyReport.SlaTarget::compliance).orElse(null);
        document.add(heading("report.pdf.headline"));
        PdfPTable table = style.table(1, 1, 1, 1);
        table.setHeaderRows(0);
        figure(table, "report.figure.incidentsOpened", style.count(incidents.opened()));
        figure(table, "report.figure.incidentsResolved", style.count(incidents.resolved()));
        figure(table, "report.pdf.incidentsOpenAtMonthEnd", style.count(incidents.openAtMonthEnd()));
        figure(table, "report.figure.resolveSlaCompliance", style.rate(resolveSla));
        figure(table, "report.figure.requestsOpened", style.count(report.requests().opened()));
        figure(table, "report.figure.requestAutomation", style.rate(report.requests().automated().rate()));
        figure(table, "report.pdf.microsoftOpened", style.count(report.microsoftTickets().opened()));
        figure(table, "report.pdf.microsoftOpenAtMonthEnd", style.count(report.microsoftTickets().openAtMonthEnd()));
        document.add(table);
    }

    private void figure(PdfPTable table, String key, String value) {
        table.addCell(style.figure(style.text(key), value));
    }

    private void charts() {
        PdfPTable table = style.table(1, 1);
        table.setHeaderRows(0);
        table.addCell(chart(ReportCharts.byPriority(report.incidents(), style.texts)));
        table.addCell(chart(ReportCharts.trend(report.trend(), style.texts, style.shortMonth)));
        document.add(table);
    }

    private void incidents(MonthlyReport.Incidents i) {
        block(heading("report.section.incidents"), pairs(List.of(
                row("report.figure.opened", style.count(i.opened())),
                row("report.figure.resolved", style.count(i.resolved())),
                row("report.figure.openAtMonthEnd", style.count(i.openAtMonthEnd())),
                row("report.figure.bySource", joined(i.bySource())),
                row("report.figure.reopened", style.count(i.reopened())),
                row("report.figure.alerts", style.count(i.alerts().total())),
                row("report.pdf.mostAlertsOnOneIncident", style.count(i.alerts().mostOnOneIncident())),
                row("report.figure.storms", style.count(i.alerts().storms())),
                row("report.figure.selfHealed", style.share(i.selfHealed())),
                row("report.figure.diagnosedAutomatically", style.share(i.diagnosedAutomatically())),
                row("report.figure.topAlertRules", ranked(i.topAlertRules())),
                row("report.figure.topResources", ranked(i.topResources())))));
        block(subheading("report.pdf.byPriority"), ReportPdfTables.byPriority(i, style, DURATIONS));
        block(subheading("report.figure.slaCompliance"), ReportPdfTables.sla(i.sla(), style));
        if (i.breaches().isEmpty()) {
            document.add(subheading("report.pdf.breaches"));
            document.add(new Paragraph(style.text("report.pdf.noBreaches"), style.body));
        } else {
            block(subheading("report.pdf.breaches"), ReportPdfTables.breaches(i.breaches(), style));
        }
    }

    private void requests(MonthlyReport.Requests r) {
        block(heading("report.section.requests"), pairs(List.of(
                row("report.figure.opened", style.count(r.opened())),
                row("report.figure.perItem", joined(r.perItem())),
                durations("report.figure.leadTime", r.leadTime()),
                durations("report.figure.approvalWait", r.approvalWait()),
                row("report.figure.completed", style.count(r.completed())),
                row("report.figure.fulfilledByHand", style.count(r.fulfilledByHand())),
                row("report.figure.failed", style.count(r.failed())),
                row("report.figure.automated", style.share(r.automated())))));
    }

    private void microsoft(MonthlyReport.MicrosoftTickets m) {
        block(heading("report.section.microsoft"), pairs(List.of(
                row("report.figure.opened", style.count(m.opened())),
                durations("report.figure.firstResponse", m.firstResponse()),
                row("report.figure.openAtMonthEnd", style.count(m.openAtMonthEnd())))));
    }

    private void services() {
        PdfPTable table = ReportPdfServices.table(report.services(), style);
        if (table == null) {
            document.add(heading("report.services.section"));
            document.add(new Paragraph(ReportPdfServices.absent(report.services(), style), style.body));
        } else {
            block(heading("report.services.section"), table);
        }
        document.add(new Paragraph(ReportPdfServices.note(report.services(), style), style.small));
    }

    private void trend() {
        block(heading("report.section.trend"), ReportPdfTables.trend(report.trend(), style));
    }

    /** Label and value, two pairs a row, so that a section's single figures take half the height. */
    private PdfPTable pairs(List<String[]> rows) {
        PdfPTable table = style.table(3, 2, 3, 2);
        table.setHeaderRows(0);
        for (String[] row : rows) {
            table.addCell(style.label(row[0]));
            table.addCell(style.value(row[1]));
        }
        if (rows.size() % 2 == 1) {
            table.addCell(style.label(""));
            table.addCell(style.value(""));
        }
        return table;
    }

    /** Keeps a heading with its table: both start the next page when this one has no room for them. */
    private void block(Paragraph heading, PdfPTable table) {
        table.setTotalWidth(document.right() - document.left());
        table.setLockedWidth(true);
        float needed = HEADING + table.getTotalHeight();
        if (needed > writer.getVerticalPosition(true) - document.bottom() && needed < document.top() - document.bottom()) {
            document.newPage();
        }
        document.add(heading);
        document.add(table);
    }

    private String[] row(String key, String value) {
        return new String[] {style.text(key), value};
    }

    /** "Lead time (min): median / p90" with "95 / 240": the pair fits the value column. */
    private String[] durations(String key, Durations d) {
        return new String[] {style.text("report.pdf.medianAndP90", style.text(key)), style.minutes(d.median()) + " / " + style.minutes(d.p90())};
    }

    private String joined(Map<String, Integer> counts) {
        return counts.isEmpty() ? ReportPdfStyle.EMPTY : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + style.count(e.getValue())).collect(Collectors.joining(", "));
    }

    private String ranked(List<MonthlyReport.Ranked> ranked) {
        return ranked.isEmpty() ? ReportPdfStyle.EMPTY : ranked.stream()
                .map(r -> r.name() + " " + style.count(r.count())).collect(Collectors.joining("\n"));
    }

    private Paragraph heading(String key) {
        Paragraph heading = new Paragraph(style.text(key), style.heading);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(2);
        return heading;
    }

    private Paragraph subheading(String key) {
        return new Paragraph(style.text(key), style.strong);
    }

    private static PdfPCell chart(byte[] png) {
        try {
            Image image = Image.getInstance(png);
            image.scaleToFit(ReportCharts.WIDTH, ReportCharts.HEIGHT);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            return cell;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
