package io.opsflow.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.opsflow.customer.Customer;
import io.opsflow.handover.ProcedureDocument.Block;
import io.opsflow.handover.ProcedureDocument.Cell;
import io.opsflow.handover.ProcedureDocument.Code;
import io.opsflow.handover.ProcedureDocument.Section;
import io.opsflow.handover.ProcedureDocument.Steps;
import io.opsflow.handover.ProcedureDocument.Table;
import io.opsflow.handover.ProcedureDocument.Text;

/**
 * 運用手順書: where the customer's monitoring is configured and each rule as configured, how it is
 * changed (a new handover package, never by hand), the SLA targets, operator accounts, and the
 * pre-operation test and go-live.
 */
final class ProcedureAdministratorContent {

    private final Customer customer;
    private final ProcedureItemTexts t;
    private final ProcedureDecisions decisions;

    ProcedureAdministratorContent(Customer customer, ProcedureItemTexts texts, ProcedureDecisions decisions) {
        this.customer = customer;
        this.t = texts;
        this.decisions = decisions;
    }

    ProcedureDocument build(List<MonitoringItem> items, String lang) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(2, "configuration", t.text("procedure.admin.configuration.heading"), List.of(new Steps(configuration(items), false))));
        sections.add(new Section(2, "items", t.text("procedure.admin.rules.heading"), List.of(rules(items))));
        for (int i = 0; i < items.size(); i++) {
            sections.add(rule(i + 1, items.get(i)));
        }
        sections.add(new Section(2, "change", t.text("procedure.admin.change.heading"),
                List.of(new Steps(t.numbered("procedure.admin.change"), true), new Text(t.text("procedure.admin.change.byHand")))));
        sections.add(new Section(2, "sla", t.text("procedure.admin.sla.heading"), List.of(new Text(t.text("procedure.admin.sla.intro")), sla(items))));
        sections.add(new Section(2, "accounts", t.text("procedure.admin.accounts.heading"),
                List.of(new Steps(t.numbered("procedure.admin.accounts", customer.id()), false))));
        sections.add(new Section(2, "go-live", t.text("procedure.admin.goLive.heading"),
                List.of(new Steps(t.numbered("procedure.admin.goLive"), true))));
        return new ProcedureDocument(t.text("procedure.admin.title", customer.displayName()), lang,
                List.of(new Text(t.text("procedure.admin.preface", items.size()))), sections);
    }

    private List<String> configuration(List<MonitoringItem> items) {
        List<String> lines = new ArrayList<>();
        List<String> subscriptions = customer.azure() == null ? List.of() : customer.azure().subscriptionIds();
        lines.add(t.text("procedure.admin.configuration.azure", subscriptions.isEmpty() ? "—" : String.join(", ", subscriptions)));
        lines.add(t.text("procedure.admin.configuration.actionGroup", customer.id()));
        lines.add(t.text("procedure.admin.configuration.tags", customer.id()));
        if (items.stream().anyMatch(item -> item.kind() == MonitoringKind.ZABBIX)) {
            List<String> groups = customer.zabbix() == null ? List.of() : customer.zabbix().hostGroups();
            lines.add(t.text("procedure.admin.configuration.zabbix", groups.isEmpty() ? "—" : String.join(", ", groups), customer.id()));
        }
        return lines;
    }

    private Table rules(List<MonitoringItem> items) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MonitoringItem item = items.get(i);
            rows.add(List.of(Cell.of(String.valueOf(i + 1)), new Cell(item.name(), "#" + ProcedureDocument.anchor(item.name())),
                    Cell.of(t.kind(item.kind())), Cell.of(t.condition(item)), Cell.of(t.severity(item.severity())),
                    Cell.of(t.evaluation(item.evaluation())), Cell.of(t.notification(item.notification())), Cell.of(t.where(item.kind()))));
        }
        return new Table(List.of("#", t.text("procedure.column.item"), t.text("procedure.column.kind"), t.text("procedure.column.condition"),
                t.text("procedure.column.severity"), t.text("procedure.column.evaluation"), t.text("procedure.column.notification"),
                t.text("procedure.column.where")), rows);
    }

    private Section rule(int number, MonitoringItem item) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row("procedure.column.kind", t.kind(item.kind())));
        if (!(item.target() instanceof MonitoringTarget.LogQuery)) {
            rows.add(row("procedure.column.target", ProcedureItemTexts.target(item)));
        }
        rows.add(row("procedure.column.condition", t.condition(item)));
        rows.add(row("procedure.column.threshold", t.threshold(item.threshold())));
        rows.add(row("procedure.column.severity", t.severity(item.severity())));
        rows.add(row("procedure.column.evaluation", t.evaluation(item.evaluation())));
        rows.add(row("procedure.column.notification", t.notification(item.notification())));
        rows.add(row("procedure.column.runbook", item.runbook() == null ? "—" : item.runbook()));
        rows.add(row("procedure.column.where", t.where(item.kind())));
        rows.add(List.of(Cell.of(t.text("procedure.column.procedure")), item.procedure() == null ? Cell.of("—")
                : new Cell(item.procedure().toString(), item.procedure().toString())));
        List<Block> blocks = new ArrayList<>(List.of(new Table(List.of(t.text("procedure.column.field"), t.text("procedure.column.value")), rows)));
        if (item.target() instanceof MonitoringTarget.LogQuery query) {
            blocks.add(new Text(t.text("procedure.admin.query")));
            blocks.add(new Code(query.query()));
        }
        return new Section(2, ProcedureDocument.anchor(item.name()), number + ". " + item.name(), blocks);
    }

    /** Every priority an alert or a ServiceNow incident can have, with the items' priorities among them. */
    private Table sla(List<MonitoringItem> items) {
        TreeSet<String> priorities = new TreeSet<>(List.of("P1", "P2", "P3", "P4", "P5"));
        items.forEach(item -> priorities.add(decisions.priority(item.severity())));
        List<List<Cell>> rows = new ArrayList<>();
        for (String priority : priorities) {
            ProcedureDecisions.Target target = decisions.sla(customer, priority);
            rows.add(List.of(Cell.of(priority), Cell.of(t.duration(target.target().acknowledge())), Cell.of(t.duration(target.target().identifyCause())),
                    Cell.of(t.duration(target.target().resolve())), Cell.of(t.text(target.own() ? "procedure.admin.sla.own" : "procedure.admin.sla.default"))));
        }
        return new Table(List.of(t.text("procedure.column.priority"), t.text("procedure.column.acknowledge"), t.text("procedure.column.identifyCause"),
                t.text("procedure.column.resolve"), t.text("procedure.column.source")), rows);
    }

    private List<Cell> row(String key, String value) {
        return List.of(Cell.of(t.text(key)), Cell.of(value));
    }
}
