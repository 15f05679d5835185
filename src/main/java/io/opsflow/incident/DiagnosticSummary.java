package io.opsflow.incident;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.opsflow.messages.Messages;

/**
 * A diagnostic runbook's output as the operator reads it in the Triage form and the one work note:
 * counts by status, the resource, then each check worst first, named and judged in the customer's
 * language. Bounded whatever the runbook wrote (a looping runbook, a 500-character detail): at most
 * {@link #MAX_CHECKS} checks and {@link #MAX_CHARS} characters, each value and detail clipped.
 * Output that is no report is shown as its first lines, so a runbook of another shape still helps.
 */
final class DiagnosticSummary {

    static final int MAX_CHARS = 3000;
    static final int MAX_CHECKS = 12;
    static final int MAX_VALUE = 120;
    static final int MAX_DETAIL = 300;
    static final int MAX_LINES = 10;
    static final int MAX_LINE = 200;

    private DiagnosticSummary() {
    }

    static String of(String output, Messages.Texts texts) {
        if (output == null || output.isBlank()) {
            return texts.text("incident.diagnostic.summary.noOutput");
        }
        return DiagnosticReport.parse(output).map(report -> summarise(report, texts))
                .orElseGet(() -> texts.text("incident.diagnostic.summary.notJson") + "\n" + firstLines(output, MAX_LINES, texts));
    }

    private static String summarise(DiagnosticReport report, Messages.Texts texts) {
        StringBuilder summary = new StringBuilder(texts.text("incident.diagnostic.summary.counts",
                count(report, DiagnosticReport.Status.CRITICAL), count(report, DiagnosticReport.Status.WARNING),
                count(report, DiagnosticReport.Status.UNKNOWN), count(report, DiagnosticReport.Status.OK)));
        DiagnosticReport.Resource resource = report.resource();
        if (resource.id() != null || resource.type() != null) {
            summary.append('\n').append(texts.text("incident.diagnostic.summary.resource", clip(name(resource), MAX_VALUE),
                    clip(describe(resource), MAX_VALUE)));
        }
        if (report.checks().isEmpty()) {
            summary.append('\n').append(texts.text("incident.diagnostic.summary.noChecks"));
        }
        // A stable sort: within one status, the runbook's own order.
        List<DiagnosticReport.Check> worstFirst = report.checks().stream()
                .sorted(Comparator.comparing(DiagnosticReport.Check::status)).toList();
        int shown = 0;
        for (DiagnosticReport.Check check : worstFirst) {
            String line = "\n" + line(check, texts);
            if (shown == MAX_CHECKS || summary.length() + line.length() > MAX_CHARS) {
                break;
            }
            summary.append(line);
            shown++;
        }
        if (shown < worstFirst.size()) {
            summary.append('\n').append(texts.text("incident.diagnostic.summary.moreChecks", String.valueOf(worstFirst.size() - shown)));
        }
        if (report.truncated()) {
            summary.append('\n').append(texts.text("incident.diagnostic.summary.truncated"));
        }
        return summary.toString();
    }

    /** The first {@code maxLines} non-blank lines of {@code text}, each clipped, and how many more there were. */
    static String firstLines(String text, int maxLines, Messages.Texts texts) {
        List<String> lines = text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
        StringBuilder shown = new StringBuilder();
        lines.stream().limit(maxLines).forEach(l -> shown.append(shown.isEmpty() ? "" : "\n").append(clip(l, MAX_LINE)));
        if (lines.size() > maxLines) {
            shown.append('\n').append(texts.text("incident.diagnostic.summary.moreLines", String.valueOf(lines.size() - maxLines)));
        }
        return shown.toString();
    }

    /** One line of text: whitespace collapsed, control characters dropped, at most {@code max} characters ending in … when cut. */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(max - 2)) ? max - 2 : max - 1;
        return flat.substring(0, end) + "…";
    }

    private static String line(DiagnosticReport.Check check, Messages.Texts texts) {
        String status = texts.text("incident.diagnostic.status." + check.status().name().toLowerCase(Locale.ROOT));
        String line = check.value() == null
                ? texts.text("incident.diagnostic.summary.checkNoValue", status, name(check, texts))
                : texts.text("incident.diagnostic.summary.check", status, name(check, texts), clip(check.value(), MAX_VALUE));
        return check.detail() == null ? line : line + "\n  " + clip(check.detail(), MAX_DETAIL);
    }

    /** The check's name in the catalogue; an id the catalogue does not know (a newer runbook) as it came. */
    private static String name(DiagnosticReport.Check check, Messages.Texts texts) {
        if (check.id() == null) {
            return "?";
        }
        String name = texts.textOr("incident.diagnostic.check." + check.id(), null);
        return name != null ? name : clip(check.id(), MAX_VALUE);
    }

    private static String count(DiagnosticReport report, DiagnosticReport.Status status) {
        return String.valueOf(report.checks().stream().filter(c -> c.status() == status).count());
    }

    private static String name(DiagnosticReport.Resource resource) {
        if (resource.id() == null) {
            return "?";
        }
        String id = resource.id().endsWith("/") ? resource.id().substring(0, resource.id().length() - 1) : resource.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static String describe(DiagnosticReport.Resource resource) {
        if (resource.osVersion() != null) {
            return resource.osVersion();
        }
        return resource.os() != null ? resource.os() : String.valueOf(resource.type());
    }
}
