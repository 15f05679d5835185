package io.opsflow.report;

import java.awt.Color;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.opsflow.messages.Messages;

/**
 * How the PDF writes things in the reader's language: fonts (all the shipped IPAex Gothic), numbers,
 * rates, minutes, dates in the report's time zone, and table cells. A figure with nothing behind it
 * (a rate of nothing, a median of no durations) is written {@value #EMPTY}, never 0.
 */
final class ReportPdfStyle {

    static final String EMPTY = "—";
    static final Color HEADER = new Color(0xE8EEF5);
    private static final Color RULE = new Color(0xB8C4D0);

    final Messages.Texts texts;
    final Font title = font(18, Font.BOLD);
    final Font heading = font(13, Font.BOLD);
    final Font body = font(9, Font.NORMAL);
    final Font strong = font(9, Font.BOLD);
    final Font big = font(16, Font.BOLD);
    final Font small = font(8, Font.NORMAL);
    /** For charts and the trend's columns, where four long month names do not fit. */
    final DateTimeFormatter shortMonth;
    private final DateTimeFormatter month;
    private final DateTimeFormatter dateTime;
    private final NumberFormat percent;
    private final NumberFormat decimal;

    ReportPdfStyle(Messages.Texts texts, ZoneId zone) {
        this.texts = texts;
        this.month = DateTimeFormatter.ofPattern(texts.text("report.pdf.monthPattern"), texts.locale());
        this.shortMonth = DateTimeFormatter.ofPattern(texts.text("report.pdf.shortMonthPattern"), texts.locale());
        this.dateTime = DateTimeFormatter.ofPattern(texts.text("report.pdf.dateTimePattern"), texts.locale()).withZone(zone);
        this.percent = NumberFormat.getPercentInstance(texts.locale());
        this.percent.setMaximumFractionDigits(1);
        this.decimal = NumberFormat.getNumberInstance(texts.locale());
        this.decimal.setMaximumFractionDigits(1);
    }

    String text(String key, Object... args) {
        return texts.text(key, args);
    }

    String count(int n) {
        return decimal.format(n);
    }

    String rate(Double rate) {
        return rate == null ? EMPTY : percent.format(rate);
    }

    /** The rate with what it is of, "25% (1/4)", so a rate of a few items reads as such. */
    String share(MonthlyReport.Share share) {
        return share.rate() == null ? EMPTY : rate(share.rate()) + " (" + share.count() + "/" + share.of() + ")";
    }

    String minutes(Duration duration) {
        return duration == null ? EMPTY : decimal.format(duration.toSeconds() / 60.0);
    }

    String month(YearMonth yearMonth) {
        return month.format(yearMonth);
    }

    String dateTime(Instant instant) {
        return instant == null ? EMPTY : dateTime.format(instant);
    }

    PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.setHeaderRows(1);
        return table;
    }

    PdfPCell header(String text) {
        PdfPCell cell = cell(text, strong, Element.ALIGN_CENTER);
        cell.setBackgroundColor(HEADER);
        return cell;
    }

    PdfPCell label(String text) {
        return cell(text, body, Element.ALIGN_LEFT);
    }

    PdfPCell value(String text) {
        return cell(text, body, Element.ALIGN_RIGHT);
    }

    PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = bordered(new PdfPCell(new Phrase(text, font)));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** A headline figure: its label small above the number. */
    PdfPCell figure(String label, String value) {
        PdfPCell cell = bordered(new PdfPCell());
        cell.addElement(centered(label, small));
        cell.addElement(centered(value, big));
        cell.setPaddingBottom(8);
        return cell;
    }

    private static PdfPCell bordered(PdfPCell cell) {
        cell.setPadding(4);
        cell.setBorderColor(RULE);
        return cell;
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private static Font font(float size, int style) {
        return new Font(ReportPdfFont.PDF, size, style);
    }
}
