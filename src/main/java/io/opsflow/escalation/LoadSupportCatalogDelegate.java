package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.SupportCatalog;
import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * Fills the preparation form: the live catalog (services, and the problem classifications of the
 * service that covers the target resource's type) as select options in the customer's language, the
 * title and description from the incident, the contact and plan from the registry. The severity is
 * proposed by escalation-severity.dmn, the next step. An incident that already has an open ticket ends
 * the escalation here ({@value #ERROR_TICKET_ALREADY_OPEN}) with that ticket's number.
 */
@Component
class LoadSupportCatalogDelegate implements JavaDelegate {

    static final String ERROR_TICKET_ALREADY_OPEN = "TICKET_ALREADY_OPEN";

    private final EscalationContext context;
    private final SupportCatalogOptions catalog;

    LoadSupportCatalogDelegate(EscalationContext context, SupportCatalogOptions catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> open = OpenSupportTickets.caseNumberOf(execution.getProcessEngineServices().getRuntimeService(),
                text(execution, SERVICENOW_SYS_ID));
        if (open.isPresent()) {
            // Escalated by hand before Triage asked for it: the caller gets that ticket, not a second one.
            execution.setVariable(MICROSOFT_CASE_NUMBER, open.get());
            throw new BpmnError(ERROR_TICKET_ALREADY_OPEN, "Incident already has Microsoft support request " + open.get());
        }
        Customer customer = context.customer(execution);
        Messages.Texts texts = context.texts(customer);
        List<SupportCatalog.Service> services = catalog.services(customer);
        String resourceType = text(execution, TARGET_RESOURCE_TYPE);
        String proposed = services.stream()
                .filter(s -> resourceType != null && s.resourceTypes().stream().anyMatch(resourceType::equalsIgnoreCase))
                .map(SupportCatalog.Service::id).findFirst().orElse(null);
        execution.setVariable(SUPPORT_SERVICE_ID, proposed);
        execution.setVariable(SUPPORT_SERVICES, catalog.serviceOptions(services));
        execution.setVariable(SUPPORT_PROBLEM_CLASSIFICATIONS, catalog.classificationOptions(customer, proposed));

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

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "-" : text;
    }
}
