package io.opsflow.handover;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

import io.opsflow.handover.ProcedureDocument.Block;
import io.opsflow.handover.ProcedureDocument.Cell;
import io.opsflow.handover.ProcedureDocument.Code;
import io.opsflow.handover.ProcedureDocument.Link;
import io.opsflow.handover.ProcedureDocument.Section;
import io.opsflow.handover.ProcedureDocument.Steps;
import io.opsflow.handover.ProcedureDocument.Table;
import io.opsflow.handover.ProcedureDocument.Text;

/**
 * A procedure as one self-contained HTML page, what the Triage form's link opens: no script, no
 * outside resource, the item the link names highlighted by CSS {@code :target}. Every text is
 * escaped, for item names and queries come from a spreadsheet.
 */
final class ProcedureHtml {

    /** A link above the document (the other formats, the other language). */
    record NavLink(String label, String href) {
    }

    private static final String STYLE = """
            body{font-family:"Hiragino Sans","Yu Gothic UI","Meiryo","IPAexGothic","Noto Sans CJK JP",sans-serif;\
            margin:0 auto;max-width:60rem;padding:1rem 1.5rem;line-height:1.6;color:#1d2733}\
            h1{font-size:1.6rem;border-bottom:2px solid #3b6ea5}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #b8c4d0}\
            h3{font-size:1.05rem;margin-bottom:.2rem}:target{background:#fff3c4;scroll-margin-top:1rem}\
            table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #b8c4d0;padding:.25rem .5rem;\
            text-align:left;vertical-align:top}th{background:#e8eef5;white-space:nowrap}pre{background:#f3f5f8;padding:.5rem;overflow-x:auto;\
            white-space:pre-wrap}nav a{margin-right:1rem}.notice{background:#fde8e8;padding:.5rem;border-left:4px solid #c0392b}""";

    private ProcedureHtml() {
    }

    /** @param notice a line shown above the document (say, that the item asked for is not in the list), or null */
    static String render(ProcedureDocument document, List<NavLink> nav, String notice) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(e(document.lang())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(document.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        if (!nav.isEmpty()) {
            out.append("<nav>");
            nav.forEach(link -> out.append("<a href=\"").append(e(link.href())).append("\">").append(e(link.label())).append("</a>"));
            out.append("</nav>\n");
        }
        if (notice != null) {
            out.append("<p class=\"notice\">").append(e(notice)).append("</p>\n");
        }
        out.append("<h1>").append(e(document.title())).append("</h1>\n");
        document.preface().forEach(block -> block(out, block));
        for (Section section : document.sections()) {
            String tag = "h" + section.level();
            out.append('<').append(tag);
            if (section.anchor() != null) {
                out.append(" id=\"").append(e(section.anchor())).append('"');
            }
            out.append('>').append(e(section.heading())).append("</").append(tag).append(">\n");
            section.blocks().forEach(block -> block(out, block));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Text text) {
            out.append("<p>").append(e(text.text())).append("</p>\n");
        } else if (block instanceof Steps steps) {
            String tag = steps.numbered() ? "ol" : "ul";
            out.append('<').append(tag).append('>');
            steps.items().forEach(item -> out.append("<li>").append(e(item)).append("</li>"));
            out.append("</").append(tag).append(">\n");
        } else if (block instanceof Table table) {
            out.append("<table>\n<thead><tr>");
            table.header().forEach(header -> out.append("<th>").append(e(header)).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (List<Cell> row : table.rows()) {
                out.append("<tr>");
                row.forEach(cell -> out.append("<td>").append(cell.href() == null ? e(cell.text()) : a(cell.text(), cell.href())).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        } else if (block instanceof Code code) {
            out.append("<pre><code>").append(e(code.text())).append("</code></pre>\n");
        } else if (block instanceof Link link) {
            out.append("<p>").append(a(link.label(), link.href())).append("</p>\n");
        }
    }

    /** An outside link opens beside the procedure; one inside the page stays in it. */
    private static String a(String label, String href) {
        String target = href.startsWith("#") ? "" : " target=\"_blank\" rel=\"noopener noreferrer\"";
        return "<a href=\"" + e(href) + "\"" + target + ">" + e(label) + "</a>";
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
