package io.opsflow.handover;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.opsflow.handover.ProcedureDocument.Block;
import io.opsflow.handover.ProcedureDocument.Cell;
import io.opsflow.handover.ProcedureDocument.Code;
import io.opsflow.handover.ProcedureDocument.Link;
import io.opsflow.handover.ProcedureDocument.Section;
import io.opsflow.handover.ProcedureDocument.Steps;
import io.opsflow.handover.ProcedureDocument.Table;
import io.opsflow.handover.ProcedureDocument.Text;
import io.opsflow.report.ReportPdfFont;

/**
 * A procedure as an A4 PDF, with the font the monthly report embeds ({@link ReportPdfFont}), so it
 * reads the same on any reader. Anchors become named destinations and the index's links jump to them,
 * as the HTML's do.
 */
final class ProcedurePdf {

    private static final Color HEADER = new Color(0xE8EEF5);
    private static final Color RULE = new Color(0xB8C4D0);
    private static final Color CODE = new Color(0xF3F5F8);
    private static final Color LINK = new Color(0x1F5FA8);

    private final Font title = font(18, Font.BOLD, null);
    private final Font h2 = font(13, Font.BOLD, null);
    private final Font h3 = font(10, Font.BOLD, null);
    private final Font body = font(9, Font.NORMAL, null);
    private final Font strong = font(9, Font.BOLD, null);
    private final Font small = font(8, Font.NORMAL, null);
    private final Font link = font(9, Font.UNDERLINE, LINK);
    private final Document document;

    private ProcedurePdf(Document document) {
        this.document = document;
    }

    static byte[] render(ProcedureDocument procedure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(procedure.title());
        document.addCreator("opsflow");
        ProcedurePdf pdf = new ProcedurePdf(document);
        HeaderFooter footer = new HeaderFooter(new Phrase(procedure.title() + " — ", pdf.small), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        document.add(new Paragraph(procedure.title(), pdf.title));
        procedure.preface().forEach(pdf::block);
        procedure.sections().forEach(pdf::section);
        document.close();
        return out.toByteArray();
    }

    private void section(Section section) {
        Font font = section.level() <= 2 ? h2 : h3;
        Chunk heading = new Chunk(section.heading(), font);
        if (section.anchor() != null) {
            heading.setLocalDestination(section.anchor());
        }
        Paragraph paragraph = new Paragraph(heading);
        paragraph.setSpacingBefore(section.level() <= 2 ? 12 : 6);
        paragraph.setSpacingAfter(3);
        paragraph.setKeepTogether(true);
        document.add(paragraph);
        section.blocks().forEach(this::block);
    }

    private void block(Block block) {
        if (block instanceof Text text) {
            Paragraph paragraph = new Paragraph(text.text(), body);
            paragraph.setSpacingAfter(4);
            document.add(paragraph);
        } else if (block instanceof Steps steps) {
            com.lowagie.text.List list = new com.lowagie.text.List(steps.numbered(), 14);
            if (!steps.numbered()) {
                list.setListSymbol(new Chunk("• ", body));
            }
            steps.items().forEach(item -> list.add(new ListItem(item, body)));
            document.add(list);
            document.add(new Paragraph(" ", small));
        } else if (block instanceof Table table) {
            document.add(table(table));
        } else if (block instanceof Code code) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingAfter(6);
            PdfPCell cell = new PdfPCell(new Phrase(code.text(), small));
            cell.setBackgroundColor(CODE);
            cell.setBorderColor(RULE);
            cell.setPadding(5);
            box.addCell(cell);
            document.add(box);
        } else if (block instanceof Link target) {
            document.add(new Paragraph(linked(target.label(), target.href())));
        }
    }

    /** The first column narrow when it numbers rows, two columns as label and value otherwise, else even. */
    private PdfPTable table(Table table) {
        int columns = table.header().size();
        float[] widths = new float[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = "#".equals(table.header().get(i)) ? 0.4f : columns == 2 && i == 0 ? 1.2f : i == columns - 1 && columns > 5 ? 2.5f : 1.6f;
        }
        if (columns == 2) {
            widths[1] = 4f;
        }
        PdfPTable pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setSpacingBefore(3);
        pdf.setSpacingAfter(6);
        pdf.setHeaderRows(1);
        for (String header : table.header()) {
            PdfPCell cell = cell(new Phrase(header, strong));
            cell.setBackgroundColor(HEADER);
            pdf.addCell(cell);
        }
        for (List<Cell> row : table.rows()) {
            row.forEach(cell -> pdf.addCell(cell(cell.href() == null ? new Phrase(cell.text(), body) : linked(cell.text(), cell.href()))));
        }
        return pdf;
    }

    private Phrase linked(String label, String href) {
        Chunk chunk = new Chunk(label, link);
        if (href.startsWith("#")) {
            chunk.setLocalGoto(href.substring(1));
        } else {
            chunk.setAnchor(href);
        }
        return new Phrase(chunk);
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(4);
        cell.setBorderColor(RULE);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    private static Font font(float size, int style, Color color) {
        Font font = new Font(ReportPdfFont.PDF, size, style);
        if (color != null) {
            font.setColor(color);
        }
        return font;
    }
}
