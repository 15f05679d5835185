package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.SupportCatalog;
import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * Fills the preparation form: the live catalog (services, and the problem classifications of the
 * service that covers the target resource's type) as select options in the customer's language, the
 * title and description from the incident, the contact and plan from the registry. The severity is
 * proposed by escalation-severity.dmn, the next step.
 */
@Component
class LoadSupportCatalogDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EscalationContext context;
    private final SupportCatalog catalog;

    LoadSupportCatalogDelegate(EscalationContext context, SupportCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        Messages.Texts texts = context.texts(customer);
        Locale language = Locale.JAPANESE.getLanguage().equals(texts.locale().getLanguage()) ? Locale.JAPAN : Locale.US;
        List<SupportCatalog.Service> services = catalog.services(customer, language);
        String resourceType = text(execution, TARGET_RESOURCE_TYPE);
        SupportCatalog.Service proposed = services.stream()
                .filter(s -> resourceType != null && s.resourceTypes().stream().anyMatch(resourceType::equalsIgnoreCase))
                .findFirst().orElse(null);
        List<Map<String, String>> serviceOptions = new ArrayList<>();
        services.forEach(s -> serviceOptions.add(Map.of("label", s.displayName(), "value", s.id())));
        List<Map<String, String>> classificationOptions = new ArrayList<>();
        if (proposed != null) {
            catalog.problemClassifications(customer, proposed.name(), language)
                    .forEach(c -> classificationOptions.add(Map.of("label", c.displayName(), "value", c.id())));
            execution.setVariable(SUPPORT_SERVICE_ID, proposed.id());
        }
        execution.setVariable(SUPPORT_SERVICES, json(serviceOptions));
        execution.setVariable(SUPPORT_PROBLEM_CLASSIFICATIONS, json(classificationOptions));

        Customer.Support support = customer.supportOrDefault();
        execution.setVariable(SUPPORT_PLAN, support.plan().value());
        if (support.contact() != null) {
            Customer.Contact contact = support.contact();
            execution.setVariable(SUPPORT_CONTACT_NAME, (contact.lastName() + " " + contact.firstName()).strip());
            execution.setVariable(SUPPORT_CONTACT_EMAIL, contact.email());
        }
        String priority = text(execution, PRIORITY);
        execution.setVariable(SUPPORT_24X7, "P1".equals(priority) || "P2".equals(priority));
        execution.setVariable(SUPPORT_DIAGNOSTIC_CONSENT, true);
        execution.setVariable(SUPPORT_TITLE, texts.text("escalation.ticket.title", nonNull(text(execution, SERVICENOW_NUMBER)),
                nonNull(text(execution, SUMMARY))));
        String question = text(execution, ESCALATION_QUESTION);
        execution.setVariable(SUPPORT_DESCRIPTION, (question == null || question.isBlank() ? "" : texts.text("escalation.ticket.question", question.strip()))
                + texts.text("escalation.ticket.description", nonNull(text(execution, SUMMARY)),
                nonNull(text(execution, DESCRIPTION)), nonNull(text(execution, TARGET_RESOURCE)),
                nonNull(text(execution, DIAGNOSTIC_NOTE)), nonNull(text(execution, FINDINGS))));
    }

    /** A Spin JSON variable: what a Camunda Form's {@code valuesKey} select reads in Tasklist. */
    private static Object json(List<Map<String, String>> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Options of plain strings always serialise", e);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "-" : text;
    }
}
