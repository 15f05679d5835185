package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.customer.Customer;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Adds the operator's message to the ticket. The name is fixed before the first try, so a retried job
 * whose first PUT reached Microsoft finds the name taken and only follows it instead of sending twice.
 * The subject is the ticket's incident; the sender the operator: their e-mail from Tasklist, or read from
 * ServiceNow's {@code sys_user} for the user who wrote the note; else the registry's support contact.
 */
@Component
class SendMessageToMicrosoftDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportCommunications communications;
    private final ServiceNowClient servicenow;

    SendMessageToMicrosoftDelegate(EscalationContext context, SupportCommunications communications, ServiceNowClient servicenow) {
        this.context = context;
        this.communications = communications;
        this.servicenow = servicenow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportAccess access = context.access(execution);
        String ticket = (String) execution.getVariable(SUPPORT_TICKET_NAME);
        String name = (String) execution.getVariable(MICROSOFT_MESSAGE_NAME);
        execution.setVariable(SUPPORT_POLL_INTERVAL, CreateSupportTicketDelegate.FIRST_POLL.toString());
        if (!communications.checkName(access, ticket, name).available()) {
            execution.setVariable(MICROSOFT_MESSAGE_STATUS_URL, null);
            return;
        }
        String sender = sender(execution, access);
        ArmSubmission<SupportCommunications.Communication> submission = communications.add(access, ticket, name,
                "[" + execution.getVariable(SERVICENOW_NUMBER) + "] " + execution.getVariable(SUMMARY),
                (String) execution.getVariable(MICROSOFT_MESSAGE_BODY), sender);
        execution.setVariable(MICROSOFT_MESSAGE_STATUS_URL, submission.statusUrl());
    }

    private String sender(DelegateExecution execution, SupportAccess access) {
        String email = (String) execution.getVariable(MICROSOFT_MESSAGE_SENDER);
        String user = (String) execution.getVariable(MICROSOFT_MESSAGE_SENDER_USER);
        if (blank(email) && !blank(user)) {
            email = servicenow.findUserEmail(user).orElse(null);
        }
        Customer.Contact contact = access.customer().supportOrDefault().contact();
        return blank(email) && contact != null ? contact.email() : email;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
