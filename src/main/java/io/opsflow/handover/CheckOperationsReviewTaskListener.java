package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;

/**
 * The review's rules on the server, whoever completes the task: agreeing needs every checklist item
 * ticked (a form cannot require a checkbox to be ticked), rejecting needs a comment the design team
 * can act on (the form asks for it only on reject, which the server-side allow-list cannot see). A
 * refusal, in the reviewer's language, rolls the completion back; the engine reports it as a
 * listener failure with this reason.
 */
@Component
class CheckOperationsReviewTaskListener implements TaskListener {

    static final List<String> CHECKLIST = List.of(REQUIREMENTS_FEASIBLE, DESIGN_REVIEWED, SCENARIOS_AGREED);

    @Override
    public void notify(DelegateTask task) {
        Messages.Texts texts = Messages.caller();
        Object decision = task.getVariable(REVIEW_DECISION);
        if (AGREE.equals(decision)) {
            if (!CHECKLIST.stream().allMatch(item -> Boolean.TRUE.equals(task.getVariable(item)))) {
                throw refused(texts.text("handover.review.checklistOpen"));
            }
        } else if (REJECT.equals(decision)) {
            Object comment = task.getVariable(REVIEW_COMMENT);
            if (!(comment instanceof String text) || text.isBlank()) {
                throw refused(texts.text("handover.review.commentRequired"));
            }
        } else {
            throw refused(texts.text("handover.review.decisionRequired"));
        }
    }

    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException("opsflow-handover-review", message);
    }
}
