package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.messages.Messages;

/**
 * Checks the RITM against its catalog definition and sets what the rest of the process follows:
 * the runbook and its parameters, the approval and the time limits, or the problems to report
 * (in the customer's language: they become the RITM's work note).
 */
@Component
class ValidateCatalogRequestDelegate implements JavaDelegate {

    static final Duration DEFAULT_APPROVAL_DEADLINE = Duration.ofDays(1);
    static final Duration DEFAULT_FULFILMENT_TIMEOUT = Duration.ofHours(1);
    /** RITM variables shown to approvers when an item has them; they are not runbook parameters. */
    static final String REASON_VARIABLE = "reason";
    static final String SCHEDULED_START_VARIABLE = "scheduled_start";
    private static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestValidation validation;
    private final Messages messages;

    ValidateCatalogRequestDelegate(RequestValidation validation, Messages messages) {
        this.validation = validation;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        Map<String, String> variables = CatalogJobs.ritmVariables(execution);
        Messages.Texts texts = messages.forCustomer((String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID));
        execution.setVariable(REQUEST_REASON, variables.getOrDefault(REASON_VARIABLE, "").strip());
        execution.setVariable(SCHEDULED_START, scheduledStart(variables.get(SCHEDULED_START_VARIABLE)));
        RequestValidation.Result result = validation.validate((String) execution.getVariable(CAT_ITEM_SYS_ID),
                (String) execution.getVariable(CAT_ITEM_NAME), variables);
        if (result instanceof RequestValidation.Valid valid) {
            accept(execution, valid.definition(), valid.parameters(), texts);
        } else if (result instanceof RequestValidation.Invalid invalid) {
            reject(execution, texts.text("catalog.note.invalid") + "\n"
                    + invalid.problems().stream().map(p -> "- " + p.variable() + ": " + p.message(texts))
                    .collect(Collectors.joining("\n")));
        } else {
            reject(execution, ((RequestValidation.UnknownItem) result).message(texts));
        }
    }

    private static void accept(DelegateExecution execution, CatalogDefinition definition, Map<String, String> parameters,
            Messages.Texts texts) throws JsonProcessingException {
        execution.setVariable(REQUEST_VALID, true);
        execution.setVariable(CATALOG_ITEM_ID, definition.id());
        execution.setVariable(RUNBOOK, definition.runbook());
        execution.setVariable(RUNBOOK_PARAMETERS, JSON.writeValueAsString(new LinkedHashMap<>(parameters)));
        execution.setVariable(REQUEST_SUMMARY, summary(definition, parameters, texts));
        execution.setVariable(TARGET_RESOURCES, definition.targets().stream().map(t -> parameters.get(t.name()))
                .filter(name -> name != null && !name.isBlank()).collect(Collectors.joining(", ")));
        // An item already approved in ServiceNow (its own approval flow) needs no second approval here.
        boolean approvedThere = Boolean.TRUE.equals(execution.getVariable(CatalogRequests.APPROVED_IN_SERVICENOW));
        execution.setVariable(APPROVAL_REQUIRED, definition.approvalRequired() && !approvedThere);
        CatalogDefinition.Approval approval = definition.approval();
        Duration deadline = approval == null || approval.deadline() == null ? DEFAULT_APPROVAL_DEADLINE : approval.deadline();
        Duration reminder = approval == null || approval.reminder() == null ? deadline.dividedBy(2) : approval.reminder();
        execution.setVariable(APPROVAL_GROUP, approval == null ? null : approval.group());
        execution.setVariable(APPROVAL_DEADLINE, deadline.toString());
        execution.setVariable(APPROVAL_REMINDER, reminder.toString());
        execution.setVariable(FULFILMENT_TIMEOUT,
                (definition.fulfilmentTimeout() == null ? DEFAULT_FULFILMENT_TIMEOUT : definition.fulfilmentTimeout()).toString());
        execution.setVariable(FAILURE_OPENS_INCIDENT, Boolean.TRUE.equals(definition.failureOpensIncident()));
        execution.setVariable(FULFILMENT_ATTEMPT, 1);
    }

    private static void reject(DelegateExecution execution, String note) {
        execution.setVariable(REQUEST_VALID, false);
        execution.setVariable(VALIDATION_NOTE, note);
    }

    /** ServiceNow sends date/time variables as UTC "yyyy-MM-dd HH:mm:ss"; anything else is shown as sent. */
    static String scheduledStart(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return LocalDateTime.parse(value.strip(), GLIDE_TIME).format(SHOWN_TIME);
        } catch (DateTimeParseException e) {
            return value.strip();
        }
    }

    private static String summary(CatalogDefinition definition, Map<String, String> parameters, Messages.Texts texts) {
        String label = definition.labels() == null ? definition.name() : definition.labels().in(texts.locale());
        return label + "\n" + parameters.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
