package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.messages.TaskLabels;

/**
 * Names each intake task in the customer's language after the company it is for (and the checklist item),
 * so that a list of several intakes' tasks tells them apart: 「個別作業 · 極株式会社 · VPN 設定」; the reason a
 * step stopped, if any, is its description.
 */
@Component
public class DescribeIntakeTaskListener implements TaskListener {

    static final String CHECKLIST_ITEM_TASK = "UserTask_CompleteChecklistItem";

    @Override
    public void notify(DelegateTask task) {
        boolean english = "en".equals(TaskLabels.text(task, LOCALE));
        String company = TaskLabels.text(task, english ? COMPANY_NAME_EN : COMPANY_NAME_JA);
        String item = CHECKLIST_ITEM_TASK.equals(task.getTaskDefinitionKey()) ? TaskLabels.text(task, CHECKLIST_ITEM) : null;
        TaskLabels.label(task, Messages.standalone(Messages.locale(english ? "en" : "ja")), TaskLabels.join(company, item),
                TaskLabels.text(task, INTAKE_PROBLEM));
    }
}
