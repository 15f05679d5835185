package io.opsflow.handover;

import java.util.List;

/**
 * One monitoring object that applying the design would create or change (or leaves as it is), in
 * Azure Monitor or Zabbix: what the operators approve before anything is written.
 *
 * @param system      {@code azure} or {@code zabbix}
 * @param type        what it is: {@code actionGroup}, {@code metricAlert}, {@code scheduledQueryRule},
 *                    {@code activityLogAlert}, {@code zabbixItem}, {@code zabbixTrigger}
 * @param name        its name (ARM resource name, Zabbix item key or trigger name)
 * @param item        the monitoring item it implements; null for what serves every item (the action group)
 * @param differences what differs from what is there now, one line each ("threshold: 80 → 90");
 *                    empty for CREATE and UNCHANGED. Never a secret.
 */
public record MonitoringChange(String system, String type, String name, String item, Action action, List<String> differences) {

    public enum Action {
        CREATE, UPDATE, UNCHANGED
    }

    public MonitoringChange {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    public boolean pending() {
        return action != Action.UNCHANGED;
    }
}
