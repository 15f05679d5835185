package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * The package's settings besides the monitoring items: SLA targets per priority (the registry's
 * YAML shape, pending until go-live) and the named operators with their Entra ID group. Read in the
 * check, so a mistake goes back to the design team with the list's problems.
 */
record PackageSettings(Map<String, Customer.SlaTarget> sla, List<String> operators, String operatorGroup, List<String> problems) {

    private static final Pattern PRIORITY = Pattern.compile("P[1-4]");
    /** Also an opsflow user id: what Camunda's user id pattern takes (letters, digits, . _ - @), at most 64 characters. */
    private static final Pattern UPN = Pattern.compile("(?=.{3,64}$)[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final List<String> TARGETS = List.of("acknowledge", "identifyCause", "resolve");

    static PackageSettings read(Map<String, Object> variables, Messages.Texts texts) {
        List<String> problems = new ArrayList<>();
        Map<String, Customer.SlaTarget> sla = sla(text(variables, SLA_TARGETS), texts, problems);
        List<String> operators = new ArrayList<>();
        for (String line : text(variables, OPERATOR_ACCOUNTS).split("\\R")) {
            String upn = line.strip();
            if (upn.isEmpty() || operators.contains(upn)) {
                continue;
            }
            if (UPN.matcher(upn).matches()) {
                operators.add(upn);
            } else {
                problems.add(texts.text("handover.package.operators.upn", upn));
            }
        }
        String group = text(variables, OPERATOR_GROUP_OBJECT_ID).strip();
        if (!operators.isEmpty() && group.isEmpty()) {
            problems.add(texts.text("handover.package.operators.groupRequired"));
        } else if (!group.isEmpty() && !GUID.matcher(group).matches()) {
            problems.add(texts.text("handover.package.operators.group", group));
        }
        return new PackageSettings(sla, List.copyOf(operators), group.isEmpty() ? null : group.toLowerCase(), List.copyOf(problems));
    }

    private static Map<String, Customer.SlaTarget> sla(String text, Messages.Texts texts, List<String> problems) {
        if (text.isBlank()) {
            return Map.of();
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            problems.add(texts.text("handover.package.sla.yaml", e.getMessage().lines().findFirst().orElse("")));
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> priorities)) {
            problems.add(texts.text("handover.package.sla.shape"));
            return Map.of();
        }
        Map<String, Customer.SlaTarget> sla = new TreeMap<>();
        priorities.forEach((key, value) -> {
            String priority = String.valueOf(key);
            if (!PRIORITY.matcher(priority).matches()) {
                problems.add(texts.text("handover.package.sla.priority", priority));
            } else if (!(value instanceof Map<?, ?> targets)) {
                problems.add(texts.text("handover.package.sla.shape"));
            } else {
                target(priority, targets, texts, problems).ifPresent(t -> sla.put(priority, t));
            }
        });
        return sla;
    }

    private static java.util.Optional<Customer.SlaTarget> target(String priority, Map<?, ?> targets, Messages.Texts texts, List<String> problems) {
        Map<String, Duration> durations = new LinkedHashMap<>();
        int before = problems.size();
        for (String name : TARGETS) {
            Object value = targets.get(name);
            if (value == null) {
                problems.add(texts.text("handover.package.sla.missing", priority, name));
                continue;
            }
            try {
                durations.put(name, Duration.parse(String.valueOf(value)));
            } catch (DateTimeParseException e) {
                problems.add(texts.text("handover.package.sla.duration", priority, name, String.valueOf(value)));
            }
        }
        targets.keySet().stream().map(String::valueOf).filter(k -> !TARGETS.contains(k))
                .forEach(k -> problems.add(texts.text("handover.package.sla.unknown", priority, k)));
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        Duration acknowledge = durations.get("acknowledge"), identify = durations.get("identifyCause"), resolve = durations.get("resolve");
        if (acknowledge.compareTo(identify) > 0 || identify.compareTo(resolve) > 0) {
            problems.add(texts.text("handover.package.sla.order", priority));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Customer.SlaTarget(acknowledge, identify, resolve));
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value instanceof String s ? s : "";
    }
}
