package io.opsflow.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.opsflow.azure.ArmException;
import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.AzureResources;
import io.opsflow.azure.MonitorAlertRules;
import io.opsflow.azure.MonitorAlertRules.Definition;
import io.opsflow.customer.Customer;
import io.opsflow.customerintake.IntakeProperties;
import io.opsflow.customerintake.RepositoryFiles;
import io.opsflow.messages.Messages;

/**
 * Applies a customer's agreed monitoring design to Azure Monitor: one action group that calls
 * opsflow ({@link MonitoringWebhook}) and one rule per Azure item (ZABBIX items are applied elsewhere).
 * {@link #plan} reads what is there and says what applying would change; {@link #apply} plans again
 * and PUTs only what differs, the action group first, so applying the same design twice writes nothing.
 * <p>
 * Where things go, following the registry and the intake's template ({@link RepositoryFiles}): the
 * operations resource group is the one of the customer's Automation account (the intake registers
 * {@code rg-<id>-ops}; without an account, that name in the first subscription). The action group
 * {@code ag-<id>-opsflow} and the log search rules live there, the rules on the workspace
 * {@code log-<id>-ops} and in its region (read from the workspace). Metric and activity log rules live
 * in the resource group of the same name in their target's subscription (Azure wants a Service Health
 * rule in the subscription it watches). Every rule is tagged {@code opsflow-customer} and
 * {@code opsflow-item}, and its action passes both on as custom properties of the alert, so an
 * incident knows its item; an item notified {@code NONE} gets a rule without the action group.
 * <p>
 * Defaults where the list leaves them out: METRIC evaluated every minute over 5 minutes with the
 * Average; LOG every 5 minutes over 15 minutes, counting rows; rules enabled and (metric, log)
 * resolved automatically.
 */
@Component
public class MonitoringDesign {

    static final String SYSTEM = "azure";
    static final String CUSTOMER_TAG = "opsflow-customer";
    static final String ITEM_TAG = "opsflow-item";
    static final Duration METRIC_FREQUENCY = Duration.ofMinutes(1);
    static final Duration METRIC_WINDOW = Duration.ofMinutes(5);
    static final Duration LOG_FREQUENCY = Duration.ofMinutes(5);
    static final Duration LOG_WINDOW = Duration.ofMinutes(15);
    /** What the intake's template gives the group: short name and tags ({@code RepositoryFiles}, {@code main.bicep}). */
    static final String SHORT_NAME = "opsflow";
    private static final String WORKSPACE_API_VERSION = "2023-09-01";

    private final MonitorAlertRules rules;
    private final AzureResources resources;
    private final IntakeProperties intake;
    private final Environment environment;

    MonitoringDesign(MonitorAlertRules rules, AzureResources resources, IntakeProperties intake, Environment environment) {
        this.rules = rules;
        this.resources = resources;
        this.intake = intake;
        this.environment = environment;
    }

    /** The approved plan no longer matches what applying would do: the design or Azure changed since the approval. */
    public static class PlanChanged extends RuntimeException {

        /** Message catalogue key for operators; its arguments are {@link #arguments()}. */
        public static final String KEY = "handover.apply.planChanged";

        private final String customerId;
        private final List<MonitoringChange> pending;

        PlanChanged(String customerId, List<MonitoringChange> pending) {
            super("The monitoring changes for customer '" + customerId + "' are no longer the approved ones ("
                    + pending.size() + " pending now); plan and approve again");
            this.customerId = customerId;
            this.pending = List.copyOf(pending);
        }

        /** What applying would change now. */
        public List<MonitoringChange> pending() {
            return pending;
        }

        public Object[] arguments() {
            return new Object[] {customerId, pending.size()};
        }
    }

    /** The resources the design needs, each compared with what Azure holds: CREATE, UPDATE (with its differences) or UNCHANGED. */
    public List<MonitoringChange> plan(Customer customer, List<MonitoringItem> items) {
        return planned(customer, items).stream().map(Planned::change).toList();
    }

    /** Applies what {@link #plan} finds pending, action group first; returns what it changed. */
    public List<MonitoringChange> apply(Customer customer, List<MonitoringItem> items) {
        return put(customer, planned(customer, items));
    }

    /**
     * Applies only if the pending changes are still those whose {@link #fingerprint} was approved.
     *
     * @throws PlanChanged when they are not; nothing is written then
     */
    public List<MonitoringChange> apply(Customer customer, List<MonitoringItem> items, String approvedFingerprint) {
        List<Planned> planned = planned(customer, items);
        List<MonitoringChange> changes = planned.stream().map(Planned::change).toList();
        if (!fingerprint(changes).equals(approvedFingerprint)) {
            throw new PlanChanged(customer.id(), changes.stream().filter(MonitoringChange::pending).toList());
        }
        return put(customer, planned);
    }

    /**
     * A digest of the pending changes (UNCHANGED ones do not count, nor the order of changes or lines), to store with
     * the approval and compare at apply. Differences are masked, so it holds no secret.
     */
    public static String fingerprint(List<MonitoringChange> changes) {
        StringBuilder text = new StringBuilder();
        changes.stream().filter(MonitoringChange::pending)
                .map(c -> String.join("\u001f", c.system(), c.type(), c.name(), String.valueOf(c.item()), c.action().name(),
                        String.join("\u001e", c.differences().stream().sorted().toList())))
                .sorted(Comparator.naturalOrder()).forEach(line -> text.append(line).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Planned(MonitoringChange change, Definition definition) {
    }

    private List<MonitoringChange> put(Customer customer, List<Planned> planned) {
        List<MonitoringChange> applied = new ArrayList<>();
        for (Planned p : planned) {
            if (!p.change().pending()) {
                continue;
            }
            try {
                rules.put(customer, p.definition());
            } catch (ArmException e) {
                if (e.isTransient()) {
                    throw e;
                }
                throw new ArmException(e.status(), e.code(), "Azure Monitor refused " + p.change().type() + " '" + p.change().name() + "'"
                        + (p.change().item() == null ? "" : " (item '" + p.change().item() + "')") + ": " + e.getMessage(),
                        e.requestId(), e);
            }
            applied.add(p.change());
        }
        return applied;
    }

    private List<Planned> planned(Customer customer, List<MonitoringItem> items) {
        Place place = Place.of(customer);
        Definition group = MonitorAlertRules.actionGroup(place.subscriptionId(), place.resourceGroup(),
                RepositoryFiles.actionGroup(customer.id()), new MonitorAlertRules.ActionGroup(SHORT_NAME, true,
                        List.of(MonitoringWebhook.receiver(customer, intake, environment)), groupTags(customer)));
        MonitoringRules rulesFor = new MonitoringRules(customer, place, group.id(), () -> workspaceLocation(customer, place));
        List<Planned> planned = new ArrayList<>();
        planned.add(compare(customer, group, null));
        for (MonitoringItem item : items) {
            rulesFor.of(item).ifPresent(definition -> planned.add(compare(customer, definition, item.name())));
        }
        return planned;
    }

    private Planned compare(Customer customer, Definition definition, String item) {
        Optional<JsonNode> current = rules.get(customer, definition.kind(), definition.subscriptionId(), definition.resourceGroup(),
                definition.name());
        String type = type(definition.kind());
        if (current.isEmpty()) {
            return new Planned(new MonitoringChange(SYSTEM, type, definition.name(), item, MonitoringChange.Action.CREATE, List.of()),
                    definition);
        }
        List<String> differences = AlertRuleDifferences.between(definition.body(), current.orElse(MissingNode.getInstance()));
        return new Planned(new MonitoringChange(SYSTEM, type, definition.name(), item,
                differences.isEmpty() ? MonitoringChange.Action.UNCHANGED : MonitoringChange.Action.UPDATE, differences), definition);
    }

    private String workspaceLocation(Customer customer, Place place) {
        return resources.resource(customer, place.workspaceId(), WORKSPACE_API_VERSION)
                .map(workspace -> workspace.path("location").asText(null))
                .orElseThrow(() -> new ArmNotFoundException("WorkspaceNotFound", "The Log Analytics workspace " + place.workspaceId()
                        + " of customer '" + customer.id() + "' does not exist: log search rules have nowhere to run", null));
    }

    /**
     * One change for an operator, in the reader's language: {@code 変更: メトリック アラート「demo-web01-cpu-fef47a2e」
     * (監視項目「Web01 CPU使用率」)}, followed by its differences one per line (these are Azure's property
     * names and values, the same in both languages).
     */
    public static String text(MonitoringChange change, Messages.Texts texts) {
        String action = texts.text("handover.apply.action." + change.action().name());
        String type = texts.textOr("handover.apply.type." + change.type(), change.type());
        StringBuilder text = new StringBuilder(change.item() == null
                ? texts.text("handover.apply.change", action, type, change.name())
                : texts.text("handover.apply.changeOfItem", action, type, change.name(), change.item()));
        change.differences().forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    /** {@code metricAlert} for {@code metricAlerts}: the singular {@link MonitoringChange#type()} names. */
    static String type(MonitorAlertRules.Kind kind) {
        String collection = kind.collection();
        return collection.substring(0, collection.length() - 1);
    }

    /** The customer's operations subscription and resource group, and its workspace. */
    record Place(String subscriptionId, String resourceGroup, String workspaceId) {

        static Place of(Customer customer) {
            Customer.Azure azure = customer.azure();
            if (azure == null) {
                throw new IllegalStateException("Customer '" + customer.id() + "' has no Azure section in the registry");
            }
            Customer.AutomationAccount account = azure.automationAccount();
            String subscription = account != null ? account.subscriptionId()
                    : azure.subscriptionIds().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                            "Customer '" + customer.id() + "' has no Azure subscription in the registry"));
            String group = account != null ? account.resourceGroup() : RepositoryFiles.resourceGroup(customer.id());
            return new Place(subscription, group, "/subscriptions/" + subscription + "/resourceGroups/" + group
                    + "/providers/Microsoft.OperationalInsights/workspaces/" + RepositoryFiles.workspace(customer.id()));
        }
    }

    /** The template's tags ({@code customer}, {@code managedBy}, {@code opsflow-customer}), in a fixed order like every body. */
    private static Map<String, String> groupTags(Customer customer) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("customer", customer.id());
        tags.put("managedBy", "opsflow");
        tags.put(CUSTOMER_TAG, customer.id());
        return tags;
    }

    /** The tags and alert properties every rule of an item carries. */
    static Map<String, String> marks(Customer customer, MonitoringItem item) {
        Map<String, String> marks = new LinkedHashMap<>();
        marks.put(CUSTOMER_TAG, customer.id());
        marks.put(ITEM_TAG, item.name());
        return marks;
    }
}
