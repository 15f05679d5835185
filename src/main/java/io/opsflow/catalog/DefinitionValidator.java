package io.opsflow.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.opsflow.catalog.CatalogDefinition.Approval;
import io.opsflow.catalog.CatalogDefinition.Parameter;
import io.opsflow.catalog.CatalogDefinition.Target;
import io.opsflow.catalog.CatalogDefinition.Texts;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldChecks;
import io.opsflow.validation.FieldProblem;

/**
 * Checks one catalog definition on its own. Every problem is reported, each with its field path,
 * so one start-up shows everything wrong in a file.
 */
final class DefinitionValidator {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Whoever writes the item YAML reads its errors in English, like every other startup error. */
    private static final Messages.Texts ENGLISH = Messages.standalone(Locale.ENGLISH);
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    // Azure Automation: letters, digits, '_' and '-', starting with a letter, at most 63 characters.
    private static final Pattern RUNBOOK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    private static final Pattern POWERSHELL_PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern SERVICENOW_VARIABLE = Pattern.compile("[a-z][a-z0-9_]{0,79}");
    private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}");

    private final FieldChecks checks = new FieldChecks();

    private DefinitionValidator() {
    }

    static List<FieldProblem> validate(CatalogDefinition d) {
        DefinitionValidator v = new DefinitionValidator();
        v.check(d);
        return v.checks.problems();
    }

    private void check(CatalogDefinition d) {
        if (checks.required("id", d.id())) {
            checks.matches("id", d.id(), SLUG, "must be a slug: lower-case letters, digits and '-', at most 63 characters");
        }
        checks.required("name", d.name());
        if (checks.required("sysId", d.sysId())) {
            checks.matches("sysId", d.sysId(), SYS_ID, "must be a ServiceNow sys_id (32 lower-case hexadecimal characters)");
        }
        if (checks.required("runbook", d.runbook())) {
            checks.matches("runbook", d.runbook(), RUNBOOK,
                    "must be an Automation runbook name: a letter, then letters, digits, '_' or '-', at most 63 characters");
        }
        texts("labels", d.labels());
        if (d.parameters().isEmpty()) {
            checks.problem("parameters", "is required: at least one runbook parameter");
        }
        Map<String, String> variables = new HashMap<>();
        d.parameters().forEach((name, parameter) -> {
            String path = "parameters." + name;
            if (!POWERSHELL_PARAMETER.matcher(name).matches()) {
                checks.problem(path, "'" + name + "' is not a PowerShell parameter name (a letter, then letters, digits or '_')");
            }
            if (parameter == null) {
                checks.problem(path, "is empty");
                return;
            }
            checkParameter(path, parameter);
            if (parameter.variable() != null) {
                String other = variables.putIfAbsent(parameter.variable(), name);
                if (other != null) {
                    checks.problem(path + ".variable", "'" + parameter.variable() + "' is already the variable of parameter " + other);
                }
            }
        });
        checkApproval(d.approval());
        if (checks.positive("fulfilmentTimeout", d.fulfilmentTimeout())) {
            checks.required("fulfilmentTimeout", d.fulfilmentTimeout());
        }
        if (d.failureOpensIncident() == null) {
            checks.problem("failureOpensIncident", "is required: true or false");
        }
        if (d.targets().isEmpty()) {
            checks.problem("targets", "is required: at least one target resource for the approval form");
        }
        for (int i = 0; i < d.targets().size(); i++) {
            checkTarget("targets[" + i + "]", d.targets().get(i), d.parameters());
        }
    }

    private void checkParameter(String path, Parameter p) {
        if (checks.required(path + ".variable", p.variable())) {
            checks.matches(path + ".variable", p.variable(), SERVICENOW_VARIABLE,
                    "must be a ServiceNow variable name (lower-case letters, digits and '_')");
        }
        if (!checks.required(path + ".type", p.type())) {
            return;
        }
        Optional<ParameterType> found = ParameterType.of(p.type());
        if (found.isEmpty()) {
            checks.problem(path + ".type", "unknown type '" + p.type() + "'; one of " + String.join(", ", ParameterValues.typeNames()));
            return;
        }
        ParameterType type = found.get();
        if (type.takesAllowedValues() && p.allowed().isEmpty()) {
            checks.problem(path + ".allowed", "is required for type " + type.yamlName() + ": the values it may take");
        }
        if (!type.takesAllowedValues() && !p.allowed().isEmpty()) {
            checks.problem(path + ".allowed", "only enum and sku take allowed values");
        }
        for (int i = 0; i < p.allowed().size(); i++) {
            if (p.allowed().get(i) == null || p.allowed().get(i).isBlank()) {
                checks.problem(path + ".allowed[" + i + "]", "must not be empty");
            } else if (p.allowed().indexOf(p.allowed().get(i)) < i) {
                checks.problem(path + ".allowed[" + i + "]", "'" + p.allowed().get(i) + "' is listed twice");
            }
        }
        if (p.pattern() != null) {
            if (!type.takesPattern()) {
                checks.problem(path + ".pattern", "only string, upn, vmName and resourceGroup take a pattern");
            } else {
                try {
                    Pattern.compile(p.pattern());
                } catch (PatternSyntaxException e) {
                    checks.problem(path + ".pattern", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        if ((p.min() != null || p.max() != null) && !type.takesBounds()) {
            checks.problem(path + (p.min() != null ? ".min" : ".max"), "only string, int, port, portRange and cidr take min/max");
        }
        if (p.min() != null && p.max() != null && p.min() > p.max()) {
            checks.problem(path + ".min", "is greater than max (" + p.max() + ")");
        }
        if (type == ParameterType.CIDR && ((p.min() != null && (p.min() < 0 || p.min() > 32)) || (p.max() != null && (p.max() < 0 || p.max() > 32)))) {
            checks.problem(path + (p.min() != null ? ".min" : ".max"), "a CIDR prefix length is 0 to 32");
        }
        texts(path + ".description", p.description());
        if (p.defaultValue() != null && !checks.anyUnder(path)) {
            ParameterValues.Checked checked = ParameterValues.check(p, type, p.defaultValue().strip());
            if (checked instanceof ParameterValues.Checked.Bad bad) {
                checks.problem(path + ".default", ENGLISH.text(bad.key(), bad.args().toArray()));
            }
        }
    }

    private void checkApproval(Approval a) {
        if (a == null) {
            checks.problem("approval", "is required (at least 'required: false')");
            return;
        }
        if (a.required() == null) {
            checks.problem("approval.required", "is required: true or false");
            return;
        }
        if (a.required()) {
            if (checks.required("approval.group", a.group())) {
                checks.matches("approval.group", a.group(), GROUP_ID, "must be a Camunda group id");
            }
            if (checks.positive("approval.deadline", a.deadline())) {
                checks.required("approval.deadline", a.deadline());
            }
        } else if (a.group() != null || a.deadline() != null || a.reminder() != null) {
            checks.problem("approval", "group, deadline and reminder only apply when required is true");
        }
        if (checks.positive("approval.reminder", a.reminder()) && a.reminder() != null && a.deadline() != null
                && a.reminder().compareTo(a.deadline()) >= 0) {
            checks.problem("approval.reminder", "must come before the deadline (" + a.deadline() + ")");
        }
    }

    private void checkTarget(String path, Target t, Map<String, Parameter> parameters) {
        if (checks.required(path + ".kind", t.kind()) && TargetKind.of(t.kind()).isEmpty()) {
            checks.problem(path + ".kind", "unknown kind '" + t.kind() + "'; one of "
                    + String.join(", ", java.util.Arrays.stream(TargetKind.values()).map(TargetKind::yamlName).toList()));
        }
        Function<String, Boolean> known = parameters::containsKey;
        if (checks.required(path + ".name", t.name()) && !known.apply(t.name())) {
            checks.problem(path + ".name", "names no parameter of this item: '" + t.name() + "'");
        }
        for (String[] field : new String[][] {{"parent", t.parent()}, {"resourceGroup", t.resourceGroup()}, {"subscription", t.subscription()}}) {
            if (field[1] != null && !known.apply(field[1])) {
                checks.problem(path + "." + field[0], "names no parameter of this item: '" + field[1] + "'");
            }
        }
    }

    private void texts(String path, Texts texts) {
        if (texts == null) {
            checks.problem(path, "is required: ja and en");
            return;
        }
        checks.required(path + ".ja", texts.ja());
        checks.required(path + ".en", texts.en());
    }

}
