package io.opsflow.handover;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opsflow.messages.Messages;

/**
 * A monitoring item in the reader's words: what its alert means, its condition, threshold and
 * evaluation as a person reads them (sizes back in GB, durations in minutes or hours), and where its
 * rule lives. Shared by both procedures so they describe an item alike.
 */
final class ProcedureItemTexts {

    private static final BigDecimal KB = BigDecimal.valueOf(1024);
    private static final List<String> SIZES = List.of("TB", "GB", "MB", "KB");

    private final Messages.Texts texts;

    ProcedureItemTexts(Messages.Texts texts) {
        this.texts = texts;
    }

    String text(String key, Object... args) {
        return texts.text(key, args);
    }

    /** The numbered texts {@code key.1}, {@code key.2}… that the catalogue holds. */
    List<String> numbered(String key, Object... args) {
        List<String> lines = new ArrayList<>();
        for (int n = 1; ; n++) {
            String line = texts.textOr(key + "." + n, null, args);
            if (line == null) {
                return lines;
            }
            lines.add(line);
        }
    }

    String severity(Severity severity) {
        return "Sev" + severity.level() + " (" + text("procedure.severity." + severity.name()) + ")";
    }

    String kind(MonitoringKind kind) {
        return text("procedure.kind." + kind.name());
    }

    String notification(Notification notification) {
        return text("procedure.notification." + (notification == null ? Notification.INCIDENT : notification).name());
    }

    /** Where the item's rule is kept: which Azure Monitor rule type, or Zabbix. */
    String where(MonitoringKind kind) {
        return text("procedure.where." + kind.name());
    }

    /** The target as written: resource id, query, or Zabbix host:key. */
    static String target(MonitoringItem item) {
        if (item.target() instanceof MonitoringTarget.AzureScope scope) {
            return scope.id();
        }
        if (item.target() instanceof MonitoringTarget.LogQuery query) {
            return query.query();
        }
        MonitoringTarget.ZabbixItem zabbix = (MonitoringTarget.ZabbixItem) item.target();
        return zabbix.host() + ":" + zabbix.key();
    }

    /** The target as a person names it: a resource's or group's name, the subscription id, the Zabbix host. */
    String targetName(MonitoringItem item) {
        if (item.target() instanceof MonitoringTarget.AzureScope scope) {
            return scope.id().substring(scope.id().lastIndexOf('/') + 1);
        }
        if (item.target() instanceof MonitoringTarget.ZabbixItem zabbix) {
            return zabbix.host();
        }
        return text("procedure.target.logQuery");
    }

    /** The condition in one line, for tables: {@code Percentage CPU (平均) > 90%}. */
    String condition(MonitoringItem item) {
        return switch (item.kind()) {
            case METRIC -> item.signal() + " (" + text("procedure.aggregation." + item.aggregation().name()) + ") " + compared(item);
            case LOG -> text("procedure.condition.rows") + " " + compared(item);
            case ZABBIX -> text("procedure.condition.value") + " " + compared(item);
            case ACTIVITY_LOG -> item.signal().isEmpty() ? text("procedure.condition.anyOperation") : item.signal();
            case SERVICE_HEALTH -> item.signal().isEmpty() ? text("procedure.condition.anyEvent") : String.join(", ", item.signal().split("\\s*,\\s*"));
        };
    }

    /** What the alert says happened, as a sentence. */
    String meaning(MonitoringItem item) {
        String window = item.evaluation() == null ? text("procedure.window.default") : duration(item.evaluation().window());
        return switch (item.kind()) {
            case METRIC -> text("procedure.meaning.METRIC", targetName(item), item.signal(),
                    text("procedure.aggregation." + item.aggregation().name()), window, comparison(item));
            case LOG -> text("procedure.meaning.LOG", window, comparison(item));
            case ZABBIX -> {
                MonitoringTarget.ZabbixItem zabbix = (MonitoringTarget.ZabbixItem) item.target();
                yield text("procedure.meaning.ZABBIX", zabbix.host(), zabbix.key(), comparison(item));
            }
            case ACTIVITY_LOG -> text("procedure.meaning.ACTIVITY_LOG", targetName(item), condition(item));
            case SERVICE_HEALTH -> text("procedure.meaning.SERVICE_HEALTH", targetName(item), condition(item));
        };
    }

    String threshold(Threshold threshold) {
        if (threshold == null) {
            return "—";
        }
        BigDecimal value = threshold.value();
        if (threshold.unit() == Threshold.Unit.BYTES) {
            for (int i = 0; i < SIZES.size(); i++) {
                BigDecimal size = KB.pow(SIZES.size() - i);
                if (value.abs().compareTo(size) >= 0 && value.remainder(size).signum() == 0) {
                    return plain(value.divide(size)) + " " + SIZES.get(i);
                }
            }
        }
        return text("procedure.unit." + threshold.unit().name(), plain(value));
    }

    /** Frequency and window, or that the apply step's defaults hold. */
    String evaluation(Evaluation evaluation) {
        return evaluation == null ? text("procedure.evaluation.default")
                : text("procedure.evaluation", duration(evaluation.frequency()), duration(evaluation.window()));
    }

    /** In the largest whole unit: {@code 15 分}, {@code 4 時間}, {@code 3 日}; SLA targets and windows read so. */
    String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return text("procedure.duration.days", seconds / 86_400);
        }
        if (seconds % 3_600 == 0) {
            return text("procedure.duration.hours", seconds / 3_600);
        }
        if (seconds % 60 == 0) {
            return text("procedure.duration.minutes", seconds / 60);
        }
        return text("procedure.duration.seconds", seconds);
    }

    private String compared(MonitoringItem item) {
        return symbol(item.operator()) + " " + threshold(item.threshold());
    }

    private String comparison(MonitoringItem item) {
        return text("procedure.compare." + item.operator().name(), threshold(item.threshold()));
    }

    private static String symbol(ComparisonOperator operator) {
        return switch (operator) {
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case EQUALS -> "=";
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
