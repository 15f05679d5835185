package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * The opened customer in the registry (upserted, so a re-run changes nothing): its Camunda tenant with the
 * configured member groups, its Azure estate and how opsflow reaches it, the Automation account the
 * pipeline made, its action groups' Secure Webhook audience, its ServiceNow company, SLA targets and
 * Microsoft support contact from the intake form.
 */
@Component
public class RegisterCustomerDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final IntakeIdentities identities;
    private final IntakeProperties properties;
    private final IntakeProperties.Lighthouse lighthouse;

    public RegisterCustomerDelegate(CustomerRegistry customers, IntakeIdentities identities, IntakeProperties properties,
            IntakeProperties.Lighthouse lighthouse) {
        this.customers = customers;
        this.identities = identities;
        this.properties = properties;
        this.lighthouse = lighthouse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.save(customer(execution));
    }

    Customer customer(DelegateExecution execution) {
        Map<String, Object> values = new LinkedHashMap<>();
        REQUEST.forEach(field -> {
            if (execution.getVariable(field) != null) {
                values.put(field, execution.getVariable(field));
            }
        });
        IntakeRequest request = new IntakeRequest(values);
        String id = request.text(CUSTOMER_ID);
        String subscription = IntakeSteps.required(execution, AZURE_SUBSCRIPTION_ID);
        boolean japanese = "ja".equals(request.text(LOCALE));
        Customer.Azure azure = new Customer.Azure(IntakeSteps.required(execution, AZURE_TENANT_ID), List.of(subscription),
                new Customer.AutomationAccount(subscription, RepositoryFiles.resourceGroup(id), RepositoryFiles.automationAccount(id)),
                identities.credential(execution),
                new Customer.MonitorWebhook(null, null, List.of(lighthouse.appIdentifierUri())));
        Customer.ServiceNow serviceNow = new Customer.ServiceNow(IntakeSteps.required(execution, SERVICE_NOW_COMPANY),
                IntakeSteps.required(execution, SERVICE_NOW_ASSIGNMENT_GROUP));
        Customer.Contact contact = new Customer.Contact(request.text(CONTACT_FIRST_NAME), request.text(CONTACT_LAST_NAME),
                request.text(CONTACT_EMAIL), List.of(), request.text(CONTACT_PHONE), null, japanese ? "ja-JP" : "en-US", null, null);
        Customer.Support support = new Customer.Support(Customer.SupportPlan.of(request.text(SUPPORT_PLAN)).orElse(null), contact, null, null);
        return new Customer(id, japanese ? request.text(COMPANY_NAME_JA) : request.text(COMPANY_NAME_EN), request.text(LOCALE),
                azure, serviceNow, null, null, request.slaTargets(), new Customer.Members(List.of(), properties.memberGroups()), support);
    }
}
