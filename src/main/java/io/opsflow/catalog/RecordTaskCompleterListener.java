package io.opsflow.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On completion of a decision task: who completed it and when, as {@code completedBy} /
 * {@code completedAt} local to the task's activity, which the task's output parameters map to the
 * decision's own variables (e.g. {@code approvalDecidedBy}). The user is the engine's authenticated
 * user (Tasklist and {@code /engine-rest} complete as the signed-in user), else the assignee. Set
 * after the submitted variables and mapped out after this listener, so a value submitted with the
 * form cannot stand in for the real one.
 */
@Component
class RecordTaskCompleterListener implements TaskListener {

    static final String COMPLETED_BY = "completedBy";
    static final String COMPLETED_AT = "completedAt";
    static final String UNKNOWN = "unknown";

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
        task.getExecution().setVariableLocal(COMPLETED_BY, user == null || user.isBlank() ? UNKNOWN : user);
        task.getExecution().setVariableLocal(COMPLETED_AT, Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime())
                .truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
