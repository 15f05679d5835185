package io.opsflow.handover;

import java.util.List;

import io.opsflow.messages.Messages;

/**
 * One thing to fix in a monitoring items list: the row as the design team sees it (Excel's row
 * number with the header as row 1; the line for YAML), the column as they wrote its header, and why
 * as a catalogue code ({@code handover.items.<code>}) with its arguments, so the design team's task
 * shows it in their language.
 */
public record Problem(int row, String column, String code, List<String> args) {

    static final String PREFIX = "handover.items.";

    public Problem {
        args = List.copyOf(args);
    }

    /** The reason alone, e.g. "Unknown column 'Owner'". */
    public String reason(Messages.Texts texts) {
        return texts.text(PREFIX + code, args.toArray());
    }

    /** Row, column (where the problem has one) and reason in one line, as the task lists it. */
    public String text(Messages.Texts texts) {
        String at = String.valueOf(row);
        return column.isEmpty() ? texts.text(PREFIX + "atRow", at, reason(texts)) : texts.text(PREFIX + "at", at, column, reason(texts));
    }
}
