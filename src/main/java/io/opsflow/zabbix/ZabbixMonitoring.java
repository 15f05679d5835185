package io.opsflow.zabbix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.handover.MonitoringChange;
import io.opsflow.handover.MonitoringChange.Action;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.handover.MonitoringKind;

/**
 * The Zabbix side of applying a monitoring design: the ZABBIX items of a list become items and
 * triggers in the customer's Zabbix, through its API where the registry names one, or as a Zabbix 3.0
 * import file an operator imports by hand where it does not.
 *
 * <p>Idempotent by lookup, not by memory: an item is found by host and key, its trigger by the tags
 * {@code opsflow-customer} and {@code opsflow-item}, so a second apply of the same list finds everything
 * as designed and writes nothing, whichever node ran the first.
 */
@Component
public class ZabbixMonitoring {

    static final String SYSTEM = "zabbix";
    static final String ITEM = "zabbixItem";
    static final String TRIGGER = "zabbixTrigger";

    private final ZabbixApi api;
    private final ZabbixProperties properties;

    @Autowired
    ZabbixMonitoring(ZabbixApi api, ZabbixProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    /** Whether opsflow reaches the customer's Zabbix by API; otherwise {@link #importFile3_0} is the way. */
    public boolean reachable(Customer c) {
        return c.zabbix() != null && c.zabbix().apiUrl() != null && !c.zabbix().apiUrl().isBlank();
    }

    /**
     * What applying would create or update: per ZABBIX item its item and its trigger, in list order.
     * Other kinds are ignored. Reads only.
     *
     * @throws ZabbixException permanent when an item's host is not in the customer's Zabbix
     */
    public List<MonitoringChange> plan(Customer c, List<MonitoringItem> items) {
        return steps(c, items).stream().map(Step::change).toList();
    }

    /**
     * Creates and updates what {@link #plan} finds pending, reading the customer's Zabbix afresh first.
     *
     * @return the changes, as {@link #plan} would have listed them before
     */
    public List<MonitoringChange> apply(Customer c, List<MonitoringItem> items) {
        List<Step> steps = steps(c, items);
        for (Step step : steps) {
            if (step.change().pending()) {
                step.write().run();
            }
        }
        return steps.stream().map(Step::change).toList();
    }

    /**
     * The ZABBIX items as a Zabbix 3.0 XML export, UTF-8: one template per host, imported under Configuration →
     * Templates → Import (templates, items and triggers: create new and update existing) and then linked to its host.
     */
    public byte[] importFile3_0(Customer c, List<MonitoringItem> items) {
        return ZabbixImportFile.write(c, designs(c, items));
    }

    private List<ZabbixDesign> designs(Customer c, List<MonitoringItem> items) {
        return items.stream().filter(i -> i.kind() == MonitoringKind.ZABBIX)
                .map(i -> ZabbixDesign.of(c, i, properties.defaultDelay())).toList();
    }

    /** A change and the call that makes it. */
    private record Step(MonitoringChange change, Runnable write) {
    }

    private List<Step> steps(Customer c, List<MonitoringItem> items) {
        Map<String, ZabbixApi.Host> hosts = new HashMap<>();
        Set<String> itemsSeen = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (ZabbixDesign design : designs(c, items)) {
            ZabbixApi.Host host = hosts.computeIfAbsent(design.host(), name -> api.host(c, name).orElseThrow(() ->
                    new ZabbixException("Zabbix host '" + name + "' of monitoring item '" + design.itemName()
                            + "' (row " + design.source().row() + ") is not in the Zabbix of customer " + c.id()
                            + ": correct the list, or add the host to Zabbix", 0, true, null)));
            // Two rows may set two thresholds on one item: the item is planned once, each row has its trigger.
            if (itemsSeen.add(design.host() + ":" + design.key())) {
                steps.add(itemStep(c, host, design));
            }
            steps.add(triggerStep(c, host, design));
        }
        return steps;
    }

    private Step itemStep(Customer c, ZabbixApi.Host host, ZabbixDesign design) {
        String name = design.host() + ":" + design.key();
        Optional<ZabbixApi.Item> existing = api.item(c, host.hostid(), design.key());
        String delay = ZabbixDesign.duration(design.delay());
        if (existing.isEmpty()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("hostid", host.hostid());
            item.put("name", design.itemName());
            item.put("key_", design.key());
            // A passive check through the host's agent interface; a host without one is asked by its active agent.
            item.put("type", host.agentInterfaceId() == null ? 7 : 0);
            if (host.agentInterfaceId() != null) {
                item.put("interfaceid", host.agentInterfaceId());
            }
            item.put("value_type", 0);
            item.put("delay", delay);
            return new Step(change(ITEM, name, design, Action.CREATE, List.of()), () -> api.createItem(c, item));
        }
        ZabbixApi.Item item = existing.get();
        List<String> differences = new ArrayList<>();
        if (!item.inherited()) {
            // A template's or discovery rule's item is the template's to change; its trigger is still the design's.
            if (!item.name().equals(design.itemName())) {
                differences.add("name: " + item.name() + " → " + design.itemName());
            }
            if (ZabbixDesign.seconds(item.delay()) != design.delay().toSeconds()) {
                differences.add("delay: " + item.delay() + " → " + delay);
            }
        }
        if (differences.isEmpty()) {
            return new Step(change(ITEM, name, design, Action.UNCHANGED, List.of()), () -> { });
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("itemid", item.itemid());
        update.put("name", design.itemName());
        update.put("delay", delay);
        return new Step(change(ITEM, name, design, Action.UPDATE, differences), () -> api.updateItem(c, update));
    }

    private Step triggerStep(Customer c, ZabbixApi.Host host, ZabbixDesign design) {
        Optional<ZabbixApi.Trigger> existing = api.trigger(c, host.hostid(), design.tags());
        Map<String, Object> trigger = new LinkedHashMap<>();
        if (existing.isEmpty()) {
            trigger.put("description", design.triggerName());
            trigger.put("expression", design.expression());
            trigger.put("priority", design.priority());
            trigger.put("url", design.url());
            trigger.put("tags", design.tags().stream().map(t -> t.json(null)).toList());
            return new Step(change(TRIGGER, design.triggerName(), design, Action.CREATE, List.of()),
                    () -> api.createTrigger(c, trigger));
        }
        ZabbixApi.Trigger current = existing.get();
        List<String> differences = new ArrayList<>();
        if (!current.description().equals(design.triggerName())) {
            differences.add("name: " + current.description() + " → " + design.triggerName());
        }
        if (!current.expression().replace(" ", "").equals(design.expression().replace(" ", ""))) {
            differences.add("expression: " + current.expression() + " → " + design.expression());
        }
        if (current.priority() != design.priority()) {
            differences.add("priority: " + current.priority() + " → " + design.priority());
        }
        if (!current.url().equals(design.url())) {
            differences.add("url: " + current.url() + " → " + design.url());
        }
        if (differences.isEmpty()) {
            return new Step(change(TRIGGER, design.triggerName(), design, Action.UNCHANGED, List.of()), () -> { });
        }
        trigger.put("triggerid", current.triggerid());
        trigger.put("description", design.triggerName());
        trigger.put("expression", design.expression());
        trigger.put("priority", design.priority());
        trigger.put("url", design.url());
        return new Step(change(TRIGGER, design.triggerName(), design, Action.UPDATE, differences),
                () -> api.updateTrigger(c, trigger));
    }

    private static MonitoringChange change(String type, String name, ZabbixDesign design, Action action, List<String> differences) {
        return new MonitoringChange(SYSTEM, type, name, design.itemName(), action, differences);
    }
}
