package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.slack.SlackMessage;
import io.opsflow.slack.SlackNotifier;

/** Microsoft's response deadline passed without a message from Microsoft: the customer's Slack channel hears it. */
@Component
class NotifyResponseDeadlineMissedDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SlackNotifier slack;

    NotifyResponseDeadlineMissedDelegate(EscalationContext context, SlackNotifier slack) {
        this.context = context;
        this.slack = slack;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        Messages.Texts texts = context.texts(customer);
        Object caseNumber = execution.getVariable(MICROSOFT_CASE_NUMBER);
        Object incident = execution.getVariable(SERVICENOW_NUMBER);
        slack.notify(customer, new SlackMessage(texts.text("escalation.slack.missed.text", caseNumber, incident),
                texts.text("escalation.slack.missed.header"),
                List.of(new SlackMessage.Field(texts.text("escalation.slack.field.case"), String.valueOf(caseNumber)),
                        new SlackMessage.Field(texts.text("escalation.slack.field.incident"), String.valueOf(incident))),
                String.valueOf(execution.getVariable(SUMMARY)), texts.text("escalation.slack.missed.context"), null));
    }
}
