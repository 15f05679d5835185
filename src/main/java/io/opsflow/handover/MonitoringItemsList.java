package io.opsflow.handover;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The monitoring items list of a design handover (CSV as Excel saves it, or YAML), read into typed
 * items, with every problem found (row, column, why). Items come only from rows without problems;
 * the handover applies nothing until {@link #problems()} is empty.
 */
public record MonitoringItemsList(List<MonitoringItem> items, List<Problem> problems) {

    /** Excel in Japan saves "CSV (comma delimited)" in the ANSI code page, Windows-31J. */
    static final Charset MS932 = Charset.forName("windows-31j");

    public MonitoringItemsList {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** {@code fileName} ending in {@code .yaml} or {@code .yml} is YAML; anything else is read as CSV. */
    public static MonitoringItemsList parse(byte[] bytes, String fileName) {
        String text = decode(bytes);
        List<Problem> problems = new ArrayList<>();
        List<MonitoringItem> items = new ArrayList<>();
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            yaml(text, items, problems);
        } else {
            csv(text, items, problems);
        }
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, "", "empty", List.of()));
        }
        problems.sort(Comparator.comparingInt(Problem::row));
        return new MonitoringItemsList(items, problems);
    }

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Windows-31J. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, MS932);
        }
    }

    private static void csv(String text, List<MonitoringItem> items, List<Problem> problems) {
        Map<String, Integer> names = new HashMap<>();
        CsvRecords.Sheet sheet = CsvRecords.read(text);
        if (sheet.unclosedQuoteRow() > 0) {
            problems.add(new Problem(sheet.unclosedQuoteRow(), "", "csv.unclosedQuote", List.of()));
            return;
        }
        if (sheet.rows().isEmpty()) {
            return;
        }
        List<String> headers = sheet.rows().get(0);
        boolean japanese = Column.japanese(headers);
        Map<Integer, Column> columns = new HashMap<>();
        Set<Column> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            if (header.isEmpty()) {
                continue;
            }
            var column = Column.of(header);
            if (column.isEmpty()) {
                problems.add(new Problem(1, header, "column.unknown", List.of(header)));
            } else if (!seen.add(column.get())) {
                problems.add(new Problem(1, header, "column.duplicate", List.of(header)));
            } else {
                columns.put(i, column.get());
            }
        }
        Set<Column> missing = missing(seen);
        missing.forEach(c -> problems.add(new Problem(1, c.header(japanese), "column.missing", List.of(c.header(japanese)))));
        for (int r = 1; r < sheet.rows().size(); r++) {
            List<String> cells = sheet.rows().get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int row = r + 1;
            Map<Column, ItemRow.Cell> byColumn = new EnumMap<>(Column.class);
            boolean beyondHeader = false;
            for (int i = 0; i < cells.size(); i++) {
                if (columns.containsKey(i)) {
                    byColumn.put(columns.get(i), new ItemRow.Cell(headers.get(i).strip(), cells.get(i), row));
                } else if (i >= headers.size() && !cells.get(i).isBlank()) {
                    problems.add(new Problem(row, excelColumn(i), "csv.beyondHeader", List.of(cells.get(i))));
                    beyondHeader = true;
                }
            }
            add(new ItemRow(row, byColumn, missing, japanese), beyondHeader, items, problems, names);
        }
    }

    private static void yaml(String text, List<MonitoringItem> items, List<Problem> problems) {
        Map<String, Integer> names = new HashMap<>();
        for (YamlItems.Item item : YamlItems.read(text, problems)) {
            List<String> headers = item.cells().stream().map(ItemRow.Cell::header).toList();
            boolean japanese = Column.japanese(headers);
            Map<Column, ItemRow.Cell> byColumn = new EnumMap<>(Column.class);
            boolean faulty = !item.notText().isEmpty();
            for (ItemRow.Cell cell : item.cells()) {
                var column = Column.of(cell.header());
                if (column.isEmpty()) {
                    problems.add(new Problem(cell.row(), cell.header(), "column.unknown", List.of(cell.header())));
                    faulty = true;
                } else if (byColumn.putIfAbsent(column.get(), cell) != null) {
                    problems.add(new Problem(cell.row(), cell.header(), "column.duplicate", List.of(cell.header())));
                    faulty = true;
                }
            }
            Set<Column> reported = EnumSet.noneOf(Column.class);
            item.notText().forEach(header -> Column.of(header).ifPresent(reported::add));
            add(new ItemRow(item.line(), byColumn, reported, japanese), faulty, items, problems, names);
        }
    }

    /**
     * Adds the row's item, or its problems ({@code faulty}: a problem outside its cells was reported).
     * Alert rules are named and tagged by item, so a second row of the same name (as compared for
     * headers) would overwrite the first: a problem on that row.
     */
    private static void add(ItemRow row, boolean faulty, List<MonitoringItem> items, List<Problem> problems,
                            Map<String, Integer> names) {
        MonitoringItem item = row.read();
        problems.addAll(row.problems());
        if (item == null || faulty) {
            return;
        }
        Integer earlier = names.putIfAbsent(Words.key(item.name()), item.row());
        if (earlier != null) {
            problems.add(new Problem(item.row(), row.header(Column.ITEM), "item.duplicate", List.of(item.name(), String.valueOf(earlier))));
        } else {
            items.add(item);
        }
    }

    private static Set<Column> missing(Set<Column> seen) {
        Set<Column> missing = EnumSet.noneOf(Column.class);
        for (Column column : Column.values()) {
            if (column.required() && !seen.contains(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** Excel's letters for column {@code index} from 0: A … Z, AA … */
    static String excelColumn(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
