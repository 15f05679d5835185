package io.opsflow.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.slack.SlackMessage;
import io.opsflow.slack.SlackNotifier;

/** Tells the customer's Slack channel that an SLA target was missed (no channel registered: nothing). */
@Component
class NotifySlackChannelDelegate implements JavaDelegate {

    private final IncidentContext context;
    private final SlackNotifier slack;
    private final IncidentProperties properties;

    NotifySlackChannelDelegate(IncidentContext context, SlackNotifier slack, IncidentProperties properties) {
        this.context = context;
        this.slack = slack;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaMiss miss = SlaMiss.of(execution);
        String link = properties.publicUrl() + "/camunda/app/cockpit/default/#/process-instance/" + execution.getProcessInstanceId();
        slack.notify(context.customer(execution), new SlackMessage(
                "SLA 超過 / SLA missed: " + miss.serviceNowNumber() + " " + miss.summary(),
                "SLA 超過 / SLA missed: " + miss.targetLabel(),
                List.of(new SlackMessage.Field("インシデント / Incident", String.valueOf(miss.serviceNowNumber())),
                        new SlackMessage.Field("優先度 / Priority", String.valueOf(miss.priority())),
                        new SlackMessage.Field("目標 / Target", String.valueOf(miss.within()))),
                miss.summary(), "opsflow: マネージャーに通知済み / managers notified",
                new SlackMessage.Link("opsflow で開く / Open in opsflow", link)));
    }
}
