package io.opsflow.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.opsflow.catalog.CatalogDefinition.Parameter;
import io.opsflow.messages.Messages;

/**
 * Turns a RITM's catalog variables into the runbook parameters of its catalog item, or says exactly
 * which variables are wrong and why. Variables are strings as ServiceNow sends them (see the
 * {@code sc_req_item} contracts); an empty string is a variable that was not filled in. Variables
 * no parameter uses (a reason, a schedule) are ignored here.
 */
@Component
public class RequestValidation {

    private static final String TABLE_API_PREFIX = "variables.";

    /** What a request turned out to be. */
    public sealed interface Result {
    }

    /** Every variable is fine: the runbook's parameters, normalised, in the definition's order. */
    public record Valid(CatalogDefinition definition, Map<String, String> parameters) implements Result {
        public Valid {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** Some variables are wrong; nothing may run. */
    public record Invalid(CatalogDefinition definition, List<VariableProblem> problems) implements Result {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** No catalog definition has this ServiceNow catalog item's sys_id or name. */
    public record UnknownItem(String catItemSysId, String catItemName) implements Result {

        /** For the RITM's work note. */
        public String message(Messages.Texts texts) {
            return texts.text("catalog.note.unknownItem", catItemName == null ? "" : catItemName.strip(),
                    catItemSysId == null || catItemSysId.isBlank() ? texts.text("catalog.note.noSysId") : catItemSysId);
        }
    }

    private final CatalogDefinitions definitions;

    public RequestValidation(CatalogDefinitions definitions) {
        this.definitions = definitions;
    }

    /** Finds the catalog item ({@code record.cat_item}, {@code record.cat_item_name}) and validates against it. */
    public Result validate(String catItemSysId, String catItemName, Map<String, String> variables) {
        Optional<CatalogDefinition> definition = definitions.find(catItemSysId, catItemName);
        return definition.<Result>map(d -> validate(d, variables))
                .orElseGet(() -> new UnknownItem(catItemSysId, catItemName));
    }

    /** Also accepts the Table API's {@code variables.<name>} keys. */
    public static Result validate(CatalogDefinition definition, Map<String, String> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((key, value) -> values.put(
                    key.startsWith(TABLE_API_PREFIX) ? key.substring(TABLE_API_PREFIX.length()) : key, value));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<VariableProblem> problems = new ArrayList<>();
        definition.parameters().forEach((name, parameter) -> {
            String raw = values.get(parameter.variable());
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (parameter.isRequired() && parameter.defaultValue() == null) {
                    problems.add(new VariableProblem(parameter.variable(),
                            raw == null ? "param.required.notSent" : "param.required.empty", List.of()));
                } else if (parameter.defaultValue() != null) {
                    parameters.put(name, parameter.defaultValue());
                }
                return;
            }
            ParameterValues.Checked checked = check(parameter, value);
            if (checked instanceof ParameterValues.Checked.Ok ok) {
                parameters.put(name, ok.value());
            } else if (checked instanceof ParameterValues.Checked.Bad bad) {
                problems.add(new VariableProblem(parameter.variable(), bad.key(), bad.args()));
            }
        });
        return problems.isEmpty() ? new Valid(definition, parameters) : new Invalid(definition, problems);
    }

    static ParameterValues.Checked check(Parameter parameter, String value) {
        ParameterType type = ParameterType.of(parameter.type())
                .orElseThrow(() -> new IllegalStateException("unchecked parameter type " + parameter.type()));
        return ParameterValues.check(parameter, type, value);
    }
}
