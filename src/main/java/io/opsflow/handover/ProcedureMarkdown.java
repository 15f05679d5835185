package io.opsflow.handover;

import java.util.List;
import java.util.regex.Pattern;

import io.opsflow.handover.ProcedureDocument.Block;
import io.opsflow.handover.ProcedureDocument.Cell;
import io.opsflow.handover.ProcedureDocument.Code;
import io.opsflow.handover.ProcedureDocument.Link;
import io.opsflow.handover.ProcedureDocument.Section;
import io.opsflow.handover.ProcedureDocument.Steps;
import io.opsflow.handover.ProcedureDocument.Table;
import io.opsflow.handover.ProcedureDocument.Text;

/**
 * A procedure as CommonMark with GitHub's tables, readable as plain text too. Anchors are HTML
 * {@code <a id>} before their heading, because a heading's own generated id differs between renderers
 * and is unusable for Japanese headings anyway.
 */
final class ProcedureMarkdown {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<|])");

    private ProcedureMarkdown() {
    }

    static String render(ProcedureDocument document) {
        StringBuilder out = new StringBuilder("# ").append(escape(document.title())).append("\n\n");
        document.preface().forEach(block -> block(out, block));
        for (Section section : document.sections()) {
            if (section.anchor() != null) {
                out.append("<a id=\"").append(section.anchor()).append("\"></a>\n\n");
            }
            out.append("#".repeat(section.level())).append(' ').append(escape(section.heading())).append("\n\n");
            section.blocks().forEach(block -> block(out, block));
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Text text) {
            out.append(escape(text.text()));
        } else if (block instanceof Steps steps) {
            for (int i = 0; i < steps.items().size(); i++) {
                out.append(i == 0 ? "" : "\n").append(steps.numbered() ? (i + 1) + ". " : "- ").append(escape(steps.items().get(i)));
            }
        } else if (block instanceof Table table) {
            table(out, table);
        } else if (block instanceof Code code) {
            String fence = code.text().contains("```") ? "~~~" : "```";
            out.append(fence).append('\n').append(code.text()).append('\n').append(fence);
        } else if (block instanceof Link link) {
            out.append(link(link.label(), link.href()));
        }
        out.append("\n\n");
    }

    private static void table(StringBuilder out, Table table) {
        row(out, table.header().stream().map(Cell::of).toList());
        out.append('|').append(" --- |".repeat(table.header().size())).append('\n');
        table.rows().forEach(cells -> row(out, cells));
        out.setLength(out.length() - 1);
    }

    private static void row(StringBuilder out, List<Cell> cells) {
        out.append('|');
        for (Cell cell : cells) {
            String text = cell.href() == null ? escape(cell.text()) : link(cell.text(), cell.href());
            out.append(' ').append(text.replace("\r", "").replace("\n", "<br>")).append(" |");
        }
        out.append('\n');
    }

    private static String link(String label, String href) {
        return "[" + escape(label) + "](<" + href.replace("<", "%3C").replace(">", "%3E") + ">)";
    }

    static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }
}
