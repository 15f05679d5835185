package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;

/**
 * Go-live needs the customer's approval recorded: ticked, and who gave it. Checked on the server
 * (a form cannot require a ticked checkbox), in the recorder's language.
 */
@Component
class CheckGoLiveApprovalTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Messages.Texts texts = Messages.caller();
        if (!Boolean.TRUE.equals(task.getVariable(CUSTOMER_APPROVED))) {
            throw new FormFieldValidationException("opsflow-handover-go-live", texts.text("handover.goLive.approvalRequired"));
        }
        if (!(task.getVariable(CUSTOMER_APPROVED_BY) instanceof String by) || by.isBlank()) {
            throw new FormFieldValidationException("opsflow-handover-go-live", texts.text("handover.goLive.approverRequired"));
        }
    }
}
