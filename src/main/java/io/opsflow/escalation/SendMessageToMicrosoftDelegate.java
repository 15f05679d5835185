package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;

/**
 * Adds the operator's message to the ticket. The name is fixed before the first try, so a retried job
 * whose first PUT reached Microsoft finds the name taken and only follows it instead of sending twice.
 * The subject is the ticket's incident; the sender the operator (or the registry's support contact).
 */
@Component
class SendMessageToMicrosoftDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportCommunications communications;

    SendMessageToMicrosoftDelegate(EscalationContext context, SupportCommunications communications) {
        this.context = context;
        this.communications = communications;
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
        String sender = (String) execution.getVariable(MICROSOFT_MESSAGE_SENDER);
        if (sender == null && access.customer().supportOrDefault().contact() != null) {
            sender = access.customer().supportOrDefault().contact().email();
        }
        ArmSubmission<SupportCommunications.Communication> submission = communications.add(access, ticket, name,
                "[" + execution.getVariable(SERVICENOW_NUMBER) + "] " + execution.getVariable(SUMMARY),
                (String) execution.getVariable(MICROSOFT_MESSAGE_BODY), sender);
        execution.setVariable(MICROSOFT_MESSAGE_STATUS_URL, submission.statusUrl());
    }
}
