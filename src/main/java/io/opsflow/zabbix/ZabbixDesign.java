package io.opsflow.zabbix;

import java.time.Duration;
import java.util.List;

import io.opsflow.customer.Customer;
import io.opsflow.handover.ComparisonOperator;
import io.opsflow.handover.Evaluation;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.handover.MonitoringTarget;
import io.opsflow.handover.Severity;

/**
 * What one ZABBIX monitoring item becomes in Zabbix: an item (host, key, name, update interval) and a
 * trigger on it, in the expression syntax of Zabbix 5.4+ ({@code last(/web01/system.cpu.load[all,avg1])>5})
 * and of 3.0 ({@code {web01:system.cpu.load[all,avg1].last()}>5}, on the host or a template). The API and the import file are
 * built from the same design, so both say the same.
 *
 * @param triggerName the trigger's name ({@code description} in the API): the item's name, so the
 *                    incident raised by it carries the name the design team and the customer agreed
 * @param url         the procedure link (the trigger's URL, one click from the problem), empty without one
 */
record ZabbixDesign(MonitoringItem source, String host, String key, String itemName, Duration delay, String expression,
                    String function30, int priority, String triggerName, String url, List<ZabbixApi.Tag> tags) {

    static final String CUSTOMER_TAG = "opsflow-customer";
    static final String ITEM_TAG = "opsflow-item";

    /** @param item a ZABBIX item of a checked list (target, operator, threshold and severity present) */
    static ZabbixDesign of(Customer customer, MonitoringItem item, Duration defaultDelay) {
        MonitoringTarget.ZabbixItem target = (MonitoringTarget.ZabbixItem) item.target();
        Evaluation evaluation = item.evaluation();
        Duration delay = evaluation == null ? defaultDelay : evaluation.frequency();
        // A window longer than the interval is Azure's "average over the window" (1分/5分): avg(), as a metric alert would.
        boolean windowed = evaluation != null && evaluation.window().compareTo(evaluation.frequency()) > 0;
        String function = windowed ? "avg" : "last";
        String period = windowed ? duration(evaluation.window()) : "";
        String comparison = operator(item.operator()) + item.threshold().value().stripTrailingZeros().toPlainString();
        String expression = function + "(/" + target.host() + "/" + target.key() + (windowed ? "," + period : "") + ")" + comparison;
        String function30 = target.key() + "." + function + "(" + period + ")}" + comparison;
        return new ZabbixDesign(item, target.host(), target.key(), item.name(), delay, expression, function30,
                priority(item.severity()), item.name(), item.procedure() == null ? "" : item.procedure().toString(),
                List.of(new ZabbixApi.Tag(CUSTOMER_TAG, customer.id()), new ZabbixApi.Tag(ITEM_TAG, item.name())));
    }

    /** The 3.0 expression on {@code owner}, the host or template the item is on: {@code {web01:system.cpu.load[all,avg1].last()}>5}. */
    String expression30(String owner) {
        return "{" + owner + ":" + function30;
    }

    /**
     * The trigger severity whose problems the Zabbix webhook ({@code io.opsflow.webhook.ZabbixAlerts}) reads
     * back as the same level: Sev0 Disaster, Sev1 High, Sev2 Average, Sev3 Warning, Sev4 Information.
     */
    static int priority(Severity severity) {
        return 5 - severity.level();
    }

    static String operator(ComparisonOperator operator) {
        return switch (operator) {
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case EQUALS -> "=";
        };
    }

    /** Zabbix's time suffixes: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
    static String duration(Duration span) {
        long seconds = span.toSeconds();
        if (seconds % 86400 == 0) {
            return seconds / 86400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** A Zabbix interval in seconds ({@code 60}, {@code 60s}, {@code 1m}, {@code 1h}); -1 for what is no plain interval (a user macro). */
    static long seconds(String interval) {
        String text = interval.strip();
        if (!text.matches("\\d+[smhdw]?")) {
            return -1;
        }
        char unit = text.charAt(text.length() - 1);
        if (Character.isDigit(unit)) {
            return Long.parseLong(text);
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return n * switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            case 'w' -> 604800;
            default -> 1;
        };
    }
}
