package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;

/**
 * What the review form cannot require by itself (Camunda Forms have no "required when"): agreeing
 * needs every checklist item ticked, rejecting needs a comment the design team can act on. Refused
 * as a form validation error, which Tasklist and {@code /engine-rest} answer with 400, in the
 * reviewer's language; nothing is completed.
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
