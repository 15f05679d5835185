package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;

/**
 * The decision of a handover task on the server, whoever completes it: the gateway after the task
 * reads it, so a completion without one (the REST API, a form that failed to load) must not fall
 * through to a default branch. Sending the change approval back needs a comment the design team
 * can act on.
 */
@Component
class CheckHandoverDecisionTaskListener implements TaskListener {

    /** Task → the variable holding its decision. */
    static final Map<String, String> DECISIONS = Map.of(
            "UserTask_ApproveMonitoringChanges", APPLY_DECISION,
            "UserTask_ReviewPreOperationFailures", PRE_OPERATION_DECISION,
            "UserTask_RepairOperatorAccount", ACCOUNT_DECISION);

    @Override
    public void notify(DelegateTask task) {
        Messages.Texts texts = Messages.caller();
        String variable = DECISIONS.get(task.getTaskDefinitionKey());
        if (!(task.getVariable(variable) instanceof String decision) || decision.isBlank()) {
            throw new FormFieldValidationException("opsflow-handover-decision", texts.text("handover.decisionRequired"));
        }
        if (APPLY_DECISION.equals(variable) && REJECT.equals(decision)
                && (!(task.getVariable(REVIEW_COMMENT) instanceof String comment) || comment.isBlank())) {
            throw new FormFieldValidationException("opsflow-handover-decision", texts.text("handover.review.commentRequired"));
        }
    }
}
