package io.opsflow.handover;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Kusto query is at least plausible before Azure sees it: not empty, quotes and brackets
 * balanced (outside strings and {@code //} comments), and it begins with a table name, {@code let}
 * or {@code union}. Azure parses the query for real when the rule is created; this catches the
 * cut-off cell and the pasted SQL early, with the row to fix.
 */
final class LogQueryCheck {

    private static final Map<Character, Character> CLOSING = Map.of(')', '(', ']', '[', '}', '{');
    private static final int QUOTED_LENGTH = 80;
    private static final Pattern FIRST_WORD = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)(?=$|[\\s|(;])");

    private LogQueryCheck() {
    }

    /** The query stripped, or refused with why. */
    static String plausible(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            throw new RefusedValue("value.required");
        }
        balanced(query);
        Matcher first = FIRST_WORD.matcher(withoutComments(query));
        if (!first.lookingAt() || first.group(1).toLowerCase(Locale.ROOT).equals("select")) {
            throw new RefusedValue("target.queryStart", quoted(query));
        }
        return query;
    }

    /** The query as a problem quotes it: on one line, a long one cut. */
    private static String quoted(String query) {
        String line = query.replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= QUOTED_LENGTH ? line : line.substring(0, QUOTED_LENGTH - 1) + "…";
    }

    private static void balanced(String query) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '/' && i + 1 < query.length() && query.charAt(i + 1) == '/') {
                int end = query.indexOf('\n', i);
                i = end < 0 ? query.length() : end;
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(query, i);
                if (end < 0) {
                    throw new RefusedValue("target.queryUnbalanced", quoted(query), String.valueOf(c));
                }
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (CLOSING.containsKey(c)) {
                if (open.isEmpty() || open.pop() != CLOSING.get(c)) {
                    throw new RefusedValue("target.queryUnbalanced", quoted(query), String.valueOf(c));
                }
            }
        }
        if (!open.isEmpty()) {
            throw new RefusedValue("target.queryUnbalanced", quoted(query), String.valueOf(open.peek()));
        }
    }

    /** The index of the quote closing the string that starts at {@code start}; Kusto escapes with a backslash. */
    private static int closingQuote(String query, int start) {
        char quote = query.charAt(start);
        for (int i = start + 1; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static String withoutComments(String query) {
        return query.replaceAll("(?m)^\\s*//.*$", "").strip();
    }
}
