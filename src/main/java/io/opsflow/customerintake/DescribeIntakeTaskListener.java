package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each intake task after the company it is for (and the checklist item), so that a list of several
 * intakes' tasks in Tasklist tells them apart: 「個別作業 / Customer-specific item · 極株式会社 · VPN 設定」.
 */
@Component
public class DescribeIntakeTaskListener implements TaskListener {

    static final int MAX_NAME = 255;

    @Override
    public void notify(DelegateTask task) {
        StringBuilder name = new StringBuilder(task.getName());
        Object company = task.getVariable(COMPANY_NAME_JA);
        if (company != null) {
            name.append(" · ").append(company);
        }
        Object item = task.getVariableLocal(CHECKLIST_ITEM) != null ? task.getVariableLocal(CHECKLIST_ITEM) : task.getVariable(CHECKLIST_ITEM);
        if (item != null && CHECKLIST_ITEM_TASK.equals(task.getTaskDefinitionKey())) {
            name.append(" · ").append(item);
        }
        task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name.toString());
    }

    static final String CHECKLIST_ITEM_TASK = "UserTask_CompleteChecklistItem";
}
