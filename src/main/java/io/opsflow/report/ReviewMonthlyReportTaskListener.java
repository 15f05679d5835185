package io.opsflow.report;

import static io.opsflow.report.MonthlyReportVariables.REPORT_REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records who reviewed the report: the user completing the task (Tasklist completes as the signed-in
 * user), else its assignee. Taken from the engine, never from the form.
 */
@Component
class ReviewMonthlyReportTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String reviewer = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        task.getExecution().setVariable(REPORT_REVIEWER, reviewer);
    }
}
