package io.opsflow.catalog;

import java.time.Duration;
import java.util.ArrayList;
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
import io.opsflow.system.FieldProblem;

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

    private final List<FieldProblem> problems = new ArrayList<>();

    private DefinitionValidator() {
    }

    static List<FieldProblem> validate(CatalogDefinition d) {
        DefinitionValidator v = new DefinitionValidator();
        v.check(d);
        return List.copyOf(v.problems);
    }

    private void check(CatalogDefinition d) {
        if (required("id", d.id())) {
            matches("id", d.id(), SLUG, "must be a slug: lower-case letters, digits and '-', at most 63 characters");
        }
        required("name", d.name());
        if (required("sysId", d.sysId())) {
            matches("sysId", d.sysId(), SYS_ID, "must be a ServiceNow sys_id (32 lower-case hexadecimal characters)");
        }
        if (required("runbook", d.runbook())) {
            matches("runbook", d.runbook(), RUNBOOK,
                    "must be an Automation runbook name: a letter, then letters, digits, '_' or '-', at most 63 characters");
        }
        texts("labels", d.labels());
        if (d.parameters().isEmpty()) {
            problem("parameters", "is required: at least one runbook parameter");
        }
        Map<String, String> variables = new HashMap<>();
        d.parameters().forEach((name, parameter) -> {
            String path = "parameters." + name;
            if (!POWERSHELL_PARAMETER.matcher(name).matches()) {
                problem(path, "'" + name + "' is not a PowerShell parameter name (a letter, then letters, digits or '_')");
            }
            if (parameter == null) {
                problem(path, "is empty");
                return;
            }
            checkParameter(path, parameter);
            if (parameter.variable() != null) {
                String other = variables.putIfAbsent(parameter.variable(), name);
                if (other != null) {
                    problem(path + ".variable", "'" + parameter.variable() + "' is already the variable of parameter " + other);
                }
            }
        });
        checkApproval(d.approval());
        if (positive("fulfilmentTimeout", d.fulfilmentTimeout())) {
            required("fulfilmentTimeout", d.fulfilmentTimeout());
        }
        if (d.failureOpensIncident() == null) {
            problem("failureOpensIncident", "is required: true or false");
        }
        if (d.targets().isEmpty()) {
            problem("targets", "is required: at least one target resource for the approval form");
        }
        for (int i = 0; i < d.targets().size(); i++) {
            checkTarget("targets[" + i + "]", d.targets().get(i), d.parameters());
        }
    }

    private void checkParameter(String path, Parameter p) {
        if (required(path + ".variable", p.variable())) {
            matches(path + ".variable", p.variable(), SERVICENOW_VARIABLE,
                    "must be a ServiceNow variable name (lower-case letters, digits and '_')");
        }
        if (!required(path + ".type", p.type())) {
            return;
        }
        Optional<ParameterType> found = ParameterType.of(p.type());
        if (found.isEmpty()) {
            problem(path + ".type", "unknown type '" + p.type() + "'; one of " + String.join(", ", ParameterValues.typeNames()));
            return;
        }
        ParameterType type = found.get();
        if (type.takesAllowedValues() && p.allowed().isEmpty()) {
            problem(path + ".allowed", "is required for type " + type.yamlName() + ": the values it may take");
        }
        if (!type.takesAllowedValues() && !p.allowed().isEmpty()) {
            problem(path + ".allowed", "only enum and sku take allowed values");
        }
        for (int i = 0; i < p.allowed().size(); i++) {
            if (p.allowed().get(i) == null || p.allowed().get(i).isBlank()) {
                problem(path + ".allowed[" + i + "]", "must not be empty");
            } else if (p.allowed().indexOf(p.allowed().get(i)) < i) {
                problem(path + ".allowed[" + i + "]", "'" + p.allowed().get(i) + "' is listed twice");
            }
        }
        if (p.pattern() != null) {
            if (!type.takesPattern()) {
                problem(path + ".pattern", "only string, upn, vmName and resourceGroup take a pattern");
            } else {
                try {
                    Pattern.compile(p.pattern());
                } catch (PatternSyntaxException e) {
                    problem(path + ".pattern", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        if ((p.min() != null || p.max() != null) && !type.takesBounds()) {
            problem(path + (p.min() != null ? ".min" : ".max"), "only string, int, port, portRange and cidr take min/max");
        }
        if (p.min() != null && p.max() != null && p.min() > p.max()) {
            problem(path + ".min", "is greater than max (" + p.max() + ")");
        }
        if (type == ParameterType.CIDR && ((p.min() != null && (p.min() < 0 || p.min() > 32)) || (p.max() != null && (p.max() < 0 || p.max() > 32)))) {
            problem(path + (p.min() != null ? ".min" : ".max"), "a CIDR prefix length is 0 to 32");
        }
        texts(path + ".description", p.description());
        if (p.defaultValue() != null && problems.stream().noneMatch(x -> x.field().startsWith(path + "."))) {
            ParameterValues.Checked checked = ParameterValues.check(p, type, p.defaultValue().strip());
            if (checked instanceof ParameterValues.Checked.Bad bad) {
                problem(path + ".default", ENGLISH.text(bad.key(), bad.args().toArray()));
            }
        }
    }

    private void checkApproval(Approval a) {
        if (a == null) {
            problem("approval", "is required (at least 'required: false')");
            return;
        }
        if (a.required() == null) {
            problem("approval.required", "is required: true or false");
            return;
        }
        if (a.required()) {
            if (required("approval.group", a.group())) {
                matches("approval.group", a.group(), GROUP_ID, "must be a Camunda group id");
            }
            if (positive("approval.deadline", a.deadline())) {
                required("approval.deadline", a.deadline());
            }
        } else if (a.group() != null || a.deadline() != null || a.reminder() != null) {
            problem("approval", "group, deadline and reminder only apply when required is true");
        }
        if (positive("approval.reminder", a.reminder()) && a.reminder() != null && a.deadline() != null
                && a.reminder().compareTo(a.deadline()) >= 0) {
            problem("approval.reminder", "must come before the deadline (" + a.deadline() + ")");
        }
    }

    private void checkTarget(String path, Target t, Map<String, Parameter> parameters) {
        if (required(path + ".kind", t.kind()) && TargetKind.of(t.kind()).isEmpty()) {
            problem(path + ".kind", "unknown kind '" + t.kind() + "'; one of "
                    + String.join(", ", java.util.Arrays.stream(TargetKind.values()).map(TargetKind::yamlName).toList()));
        }
        Function<String, Boolean> known = parameters::containsKey;
        if (required(path + ".name", t.name()) && !known.apply(t.name())) {
            problem(path + ".name", "names no parameter of this item: '" + t.name() + "'");
        }
        for (String[] field : new String[][] {{"parent", t.parent()}, {"resourceGroup", t.resourceGroup()}, {"subscription", t.subscription()}}) {
            if (field[1] != null && !known.apply(field[1])) {
                problem(path + "." + field[0], "names no parameter of this item: '" + field[1] + "'");
            }
        }
    }

    private void texts(String path, Texts texts) {
        if (texts == null) {
            problem(path, "is required: ja and en");
            return;
        }
        required(path + ".ja", texts.ja());
        required(path + ".en", texts.en());
    }

    private boolean positive(String field, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problem(field, "must be a positive ISO-8601 duration such as PT30M");
            return false;
        }
        return true;
    }

    private boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(field, "is required");
            return false;
        }
        return true;
    }

    private void matches(String field, String value, Pattern pattern, String message) {
        if (!pattern.matcher(value).matches()) {
            problem(field, "'" + value + "' " + message);
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }
}
