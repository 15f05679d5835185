package io.opsflow.handover;

import java.util.ArrayList;
import java.util.List;

import io.opsflow.customer.Customer;
import io.opsflow.handover.ProcedureDocument.Block;
import io.opsflow.handover.ProcedureDocument.Cell;
import io.opsflow.handover.ProcedureDocument.Code;
import io.opsflow.handover.ProcedureDocument.Link;
import io.opsflow.handover.ProcedureDocument.Section;
import io.opsflow.handover.ProcedureDocument.Steps;
import io.opsflow.handover.ProcedureDocument.Table;
import io.opsflow.handover.ProcedureDocument.Text;

/**
 * オペレーション手順書: how an alert reaches the operator, whom to escalate to by priority, then per
 * item what its alert means, the first checks, the diagnostic runbook and the escalation, under the
 * item's anchor (the Triage form links there).
 */
final class ProcedureOperatorContent {

    private final Customer customer;
    private final ProcedureItemTexts t;
    private final ProcedureDecisions decisions;

    ProcedureOperatorContent(Customer customer, ProcedureItemTexts texts, ProcedureDecisions decisions) {
        this.customer = customer;
        this.t = texts;
        this.decisions = decisions;
    }

    ProcedureDocument build(List<MonitoringItem> items, String lang) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(2, null, t.text("procedure.operator.flow.heading"),
                List.of(new Steps(t.numbered("procedure.operator.flow"), true))));
        sections.add(new Section(2, "escalation", t.text("procedure.operator.escalation.heading"),
                List.of(new Text(t.text("procedure.operator.escalation.intro")), escalationTable(), new Text(t.text("procedure.operator.escalation.slaMissed")))));
        sections.add(new Section(2, "items", t.text("procedure.items.heading"), List.of(index(items))));
        for (int i = 0; i < items.size(); i++) {
            sections.addAll(item(i + 1, items.get(i)));
        }
        return new ProcedureDocument(t.text("procedure.operator.title", customer.displayName()), lang,
                List.of(new Text(t.text("procedure.operator.preface", items.size()))), sections);
    }

    private Table escalationTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            String priority = decisions.priority(severity);
            Customer.SlaTarget sla = decisions.sla(customer, priority).target();
            rows.add(List.of(Cell.of(t.severity(severity)), Cell.of(priority), Cell.of(t.duration(sla.acknowledge())),
                    Cell.of(t.duration(sla.identifyCause())), Cell.of(t.duration(sla.resolve())), Cell.of(escalation(priority))));
        }
        return new Table(List.of(t.text("procedure.column.severity"), t.text("procedure.column.priority"), t.text("procedure.column.acknowledge"),
                t.text("procedure.column.identifyCause"), t.text("procedure.column.resolve"), t.text("procedure.column.escalateTo")), rows);
    }

    private Table index(List<MonitoringItem> items) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MonitoringItem item = items.get(i);
            rows.add(List.of(Cell.of(String.valueOf(i + 1)), new Cell(item.name(), "#" + ProcedureDocument.anchor(item.name())),
                    Cell.of(t.kind(item.kind())), Cell.of(t.severity(item.severity())), Cell.of(decisions.priority(item.severity()))));
        }
        return new Table(List.of("#", t.text("procedure.column.item"), t.text("procedure.column.kind"), t.text("procedure.column.severity"),
                t.text("procedure.column.priority")), rows);
    }

    private List<Section> item(int number, MonitoringItem item) {
        String priority = decisions.priority(item.severity());
        Customer.SlaTarget sla = decisions.sla(customer, priority).target();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(2, ProcedureDocument.anchor(item.name()), number + ". " + item.name(), List.of(new Table(
                List.of(t.text("procedure.column.field"), t.text("procedure.column.value")), List.of(
                        row("procedure.column.kind", t.kind(item.kind())),
                        row("procedure.column.target", t.targetName(item)),
                        row("procedure.column.condition", t.condition(item)),
                        row("procedure.column.severity", t.severity(item.severity()) + " → " + priority),
                        row("procedure.column.evaluation", t.evaluation(item.evaluation())),
                        row("procedure.column.notification", t.notification(item.notification())))))));
        List<Block> meaning = new ArrayList<>(List.of(new Text(t.meaning(item))));
        if (item.target() instanceof MonitoringTarget.LogQuery query) {
            meaning.add(new Code(query.query()));
        }
        if (item.notification() == Notification.NONE) {
            meaning.add(new Text(t.text("procedure.operator.recordOnly")));
        }
        sections.add(new Section(3, null, t.text("procedure.operator.meaning"), meaning));
        sections.add(new Section(3, null, t.text("procedure.operator.firstChecks"),
                List.of(new Steps(t.numbered("procedure.check." + item.kind().name(), t.targetName(item), checked(item)), true))));
        sections.add(new Section(3, null, t.text("procedure.operator.runbook"), List.of(new Text(item.runbook() == null
                ? t.text("procedure.operator.runbook.none") : t.text("procedure.operator.runbook.runs", item.runbook())))));
        sections.add(new Section(3, null, t.text("procedure.operator.escalation"), List.of(
                new Text(t.text("procedure.operator.escalation.targets", t.severity(item.severity()), priority, t.duration(sla.acknowledge()),
                        t.duration(sla.identifyCause()), t.duration(sla.resolve()))),
                new Text(escalation(priority)))));
        if (item.procedure() != null) {
            sections.add(new Section(3, null, t.text("procedure.operator.ownProcedure"),
                    List.of(new Link(item.procedure().toString(), item.procedure().toString()))));
        }
        return sections;
    }

    /** What the first checks look at: the metric, the Zabbix item key, the operation or event types. */
    private static String checked(MonitoringItem item) {
        return item.target() instanceof MonitoringTarget.ZabbixItem zabbix ? zabbix.key() : item.signal();
    }

    private String escalation(String priority) {
        return t.text(priority.matches("P[1-5]") ? "procedure.escalation." + priority : "procedure.escalation.other");
    }

    private List<Cell> row(String key, String value) {
        return List.of(Cell.of(t.text(key)), Cell.of(value));
    }
}
