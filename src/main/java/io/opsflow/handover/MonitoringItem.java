package io.opsflow.handover;

import java.net.URI;

/**
 * One row of a monitoring items list, read and typed.
 *
 * @param row          where it stands in the file (Excel row, YAML line), for problems found later
 * @param name         the item as the design team names it; unique in the list (rules are tagged with it)
 * @param signal       what is measured: the metric name (METRIC), the operation name (ACTIVITY_LOG,
 *                     may be empty: any administrative operation), the event types (SERVICE_HEALTH, may be
 *                     empty: all); empty for LOG and ZABBIX, whose target says it
 * @param aggregation  METRIC only (Average unless written), else null
 * @param operator     null for ACTIVITY_LOG and SERVICE_HEALTH, which fire on the event itself
 * @param threshold    null where {@code operator} is
 * @param evaluation   null when the list leaves it to the defaults of the apply step
 * @param runbook      the diagnostic runbook's name, or null
 * @param procedure    the link to the operator procedure, or null
 * @param targetCell   where the target was written, for what the check against Azure finds
 * @param conditionCell where the condition was written (null when the item has none)
 */
public record MonitoringItem(int row, String name, MonitoringKind kind, MonitoringTarget target, String signal,
                             MetricAggregation aggregation, ComparisonOperator operator, Threshold threshold,
                             Severity severity, Evaluation evaluation, Notification notification, String runbook,
                             URI procedure, Cell targetCell, Cell conditionCell) {

    /** A cell as the design team sees it: row (YAML: line) and header as written. */
    public record Cell(int row, String header) {
    }
}
