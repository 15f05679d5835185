package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.opsflow.azure.SupportAccess;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;

/**
 * Who an escalation is for, read from the registry at each step (a changed contact or partner tenant
 * applies to the next call), and the access to its support tickets: the subscription of the target
 * resource where there is one, else the customer's first subscription.
 */
@Component
class EscalationContext {

    private final CustomerRegistry customers;
    private final Messages messages;

    EscalationContext(CustomerRegistry customers, Messages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    Customer customer(DelegateExecution execution) {
        String id = (String) execution.getVariable(CUSTOMER_ID);
        return customers.find(id).orElseThrow(() -> new IllegalStateException("Customer '" + id + "' is not in the registry"));
    }

    SupportAccess access(DelegateExecution execution) {
        Customer customer = customer(execution);
        return new SupportAccess(customer, subscription(customer, (String) execution.getVariable(TARGET_RESOURCE)),
                customer.supportOrDefault().auxiliaryTenantId());
    }

    Messages.Texts texts(Customer customer) {
        return messages.forCustomer(customer);
    }

    Locale locale(Customer customer) {
        return texts(customer).locale();
    }

    static String subscription(Customer customer, String resourceId) {
        if (resourceId != null && resourceId.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
            String rest = resourceId.substring("/subscriptions/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return customer.azure() == null || customer.azure().subscriptionIds().isEmpty() ? null
                : customer.azure().subscriptionIds().get(0);
    }
}
