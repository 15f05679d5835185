package io.opsflow.handover;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row's cells turned into a {@link MonitoringItem}, or into the problems that stop it: every
 * cell is read even after one fails, so the design team sees all of a row's faults at once.
 */
final class ItemRow {

    /** A cell: the header as written, its text and the row (CSV) or line (YAML) it stands on. */
    record Cell(String header, String value, int row) {
    }

    private static final Pattern RUNBOOK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    private static final Pattern OPERATION = Pattern.compile("[A-Za-z]+(\\.[A-Za-z]+)+(/[A-Za-z0-9._-]+)+");
    private static final Pattern METRIC_AGGREGATION = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");
    private static final List<String> SERVICE_HEALTH_EVENTS = List.of("Incident", "Maintenance", "Informational",
            "ActionRequired", "Security");

    private final int row;
    private final Map<Column, Cell> cells;
    private final Set<Column> reported;
    private final boolean japanese;
    /** Each problem with its column, listed in the schema's column order whatever order the cells are read in. */
    private final List<Map.Entry<Column, Problem>> problems = new ArrayList<>();

    /**
     * @param reported columns whose problem was reported already (missing from the CSV header, not text in
     *                 YAML): not reported again per row, and the row gives no item
     * @param japanese      which header to name a missing cell by
     */
    ItemRow(int row, Map<Column, Cell> cells, Set<Column> reported, boolean japanese) {
        this.row = row;
        this.cells = new EnumMap<>(cells);
        this.reported = reported;
        this.japanese = japanese;
    }

    private MonitoringItem.Cell place(Column column) {
        Cell cell = cells.get(column);
        return cell == null || cell.value().isBlank() ? null : new MonitoringItem.Cell(cell.row(), cell.header());
    }

    /** The header of {@code column} as this row's file wrote it. */
    String header(Column column) {
        Cell cell = cells.get(column);
        return cell == null ? column.header(japanese) : cell.header();
    }

    List<Problem> problems() {
        return problems.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** The item, or null when the row has problems. */
    MonitoringItem read() {
        String name = read(Column.ITEM, true, String::strip);
        MonitoringKind kind = read(Column.KIND, true, MonitoringKind::parse);
        Severity severity = read(Column.SEVERITY, true, Severity::parse);
        Evaluation evaluation = read(Column.FREQUENCY, false, Evaluation::parse);
        Notification notification = read(Column.NOTIFICATION, false, Notification::parse);
        String runbook = read(Column.RUNBOOK, false, ItemRow::runbook);
        URI procedure = read(Column.PROCEDURE, false, ItemRow::procedure);
        MonitoringTarget target = null;
        ComparisonOperator.Split condition = null;
        String signal = "";
        MetricAggregation aggregation = null;
        Threshold threshold = null;
        if (kind != null) {
            target = read(Column.TARGET, true, text -> target(kind, text));
            if (kind.measured()) {
                condition = read(Column.CONDITION, true, ComparisonOperator::split);
                threshold = read(Column.THRESHOLD, true, Threshold::parse);
                if (condition != null && kind == MonitoringKind.METRIC) {
                    Matcher m = METRIC_AGGREGATION.matcher(condition.signal());
                    signal = m.matches() ? m.group(1) : condition.signal();
                    aggregation = m.matches() ? read(Column.CONDITION, true, text -> MetricAggregation.parse(m.group(2)))
                            : MetricAggregation.AVERAGE;
                    if (signal.isEmpty()) {
                        refuse(Column.CONDITION, new RefusedValue("condition.metricMissing", cells.get(Column.CONDITION).value()));
                    }
                } else if (condition != null && !condition.signal().isEmpty()) {
                    refuse(Column.CONDITION, new RefusedValue("condition.operatorOnly", cells.get(Column.CONDITION).value()));
                }
            } else {
                signal = read(Column.CONDITION, false, text -> event(kind, text));
                signal = signal == null ? "" : signal;
                notApplicable(Column.THRESHOLD, kind);
            }
        }
        if (!problems.isEmpty() || !reported.isEmpty()) {
            return null;
        }
        return new MonitoringItem(row, name, kind, target, signal, aggregation, condition == null ? null : condition.operator(),
                threshold, severity, evaluation, notification == null ? Notification.INCIDENT : notification, runbook, procedure,
                place(Column.TARGET), place(Column.CONDITION));
    }

    private static MonitoringTarget target(MonitoringKind kind, String text) {
        return switch (kind) {
            case METRIC -> TargetCell.azure(text, false);
            case ACTIVITY_LOG -> TargetCell.azure(text, true);
            case SERVICE_HEALTH -> TargetCell.subscription(text);
            case LOG -> TargetCell.log(text);
            case ZABBIX -> TargetCell.zabbix(text);
        };
    }

    /** The condition of an event item: an operation name (activity log) or event types (Service Health). */
    private static String event(MonitoringKind kind, String text) {
        String clean = Words.clean(text);
        if (kind == MonitoringKind.ACTIVITY_LOG) {
            if (!OPERATION.matcher(clean).matches()) {
                throw new RefusedValue("condition.operation", text);
            }
            return clean;
        }
        List<String> events = new ArrayList<>();
        for (String word : clean.split("\\s*[,、]\\s*")) {
            events.add(SERVICE_HEALTH_EVENTS.stream().filter(e -> e.equalsIgnoreCase(word.replace(" ", ""))).findFirst()
                    .orElseThrow(() -> new RefusedValue("condition.serviceHealthEvent", word, String.join(", ", SERVICE_HEALTH_EVENTS))));
        }
        return String.join(",", events);
    }

    private static String runbook(String text) {
        String name = text.strip();
        if (!RUNBOOK.matcher(name).matches()) {
            throw new RefusedValue("runbook.invalid", text);
        }
        return name;
    }

    private static URI procedure(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, with the text as written
        }
        throw new RefusedValue("procedure.invalid", text);
    }

    /** The cell read by {@code parser}; null when it is empty (a problem if {@code required}) or refused. */
    private <T> T read(Column column, boolean required, Function<String, T> parser) {
        Cell cell = cells.get(column);
        if (cell == null || cell.value().isBlank()) {
            if (required && !reported.contains(column)) {
                problems.add(Map.entry(column, new Problem(cell == null ? row : cell.row(), header(column), "value.required",
                        List.of())));
            }
            return null;
        }
        try {
            return parser.apply(cell.value());
        } catch (RefusedValue refused) {
            refuse(column, refused);
            return null;
        }
    }

    private void refuse(Column column, RefusedValue refused) {
        Cell cell = cells.get(column);
        problems.add(Map.entry(column, new Problem(cell.row(), cell.header(), refused.code(), refused.args())));
    }

    private void notApplicable(Column column, MonitoringKind kind) {
        Cell cell = cells.get(column);
        if (cell != null && !cell.value().isBlank()) {
            problems.add(Map.entry(column, new Problem(cell.row(), cell.header(), "value.notApplicable",
                    List.of(cell.value(), kind.name()))));
        }
    }
}
