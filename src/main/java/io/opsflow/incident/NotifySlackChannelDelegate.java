package io.opsflow.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.slack.SlackMessage;
import io.opsflow.slack.SlackNotifier;

/** Tells the customer's Slack channel, in its language, that an SLA target was missed (no channel registered: nothing). */
@Component
class NotifySlackChannelDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final SlackNotifier slack;
    private final IncidentProperties properties;
    private final Messages messages;

    NotifySlackChannelDelegate(IncidentContext context, SlackNotifier slack, IncidentProperties properties, Messages messages) {
        this.context = context;
        this.slack = slack;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaMiss miss = SlaMiss.of(execution);
        String link = properties.publicUrl() + "/camunda/app/cockpit/default/#/process-instance/" + execution.getProcessInstanceId();
        Customer customer = context.customer(execution);
        Messages.Texts texts = messages.forCustomer(customer);
        slack.notify(customer, new SlackMessage(
                texts.text("sla.slack.text", miss.serviceNowNumber(), miss.summary()),
                texts.text("sla.slack.header", miss.targetLabel(texts)),
                List.of(new SlackMessage.Field(texts.text("sla.slack.field.incident"), String.valueOf(miss.serviceNowNumber())),
                        new SlackMessage.Field(texts.text("sla.slack.field.priority"), String.valueOf(miss.priority())),
                        new SlackMessage.Field(texts.text("sla.slack.field.target"), String.valueOf(miss.within()))),
                miss.summary(), texts.text("sla.slack.context"),
                new SlackMessage.Link(texts.text("sla.slack.open"), link)));
    }
}
