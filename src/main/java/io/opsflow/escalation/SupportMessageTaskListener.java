package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The operators' tasks that may carry a message for Microsoft (handle the ticket, decide its closing).
 * Created: the last action's fields are cleared, so the form opens empty. Completed: whether a message
 * was written, its name fixed for good (so the sending, however often retried, sends it once), and the
 * sender: the completing operator's e-mail from opsflow's users (null: the registry's support contact).
 */
@Component
class SupportMessageTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariable(MICROSOFT_MESSAGE_BODY, null);
            task.getExecution().setVariable(SUPPORT_ACTION, null);
            task.getExecution().setVariable(SUPPORT_NEW_SEVERITY, null);
            return;
        }
        Object body = task.getVariable(MICROSOFT_MESSAGE_BODY);
        boolean given = body instanceof String text && !text.isBlank();
        task.getExecution().setVariable(MICROSOFT_MESSAGE_GIVEN, given);
        if (given) {
            task.getExecution().setVariable(MICROSOFT_MESSAGE_NAME, SupportMessages.messageName("task:" + task.getId()));
            IdentityService identity = task.getProcessEngineServices().getIdentityService();
            task.getExecution().setVariable(MICROSOFT_MESSAGE_SENDER, email(identity, operator(identity, task)));
            task.getExecution().setVariable(MICROSOFT_MESSAGE_SENDER_USER, null);
        }
    }

    private static String operator(IdentityService identity, DelegateTask task) {
        Authentication caller = identity.getCurrentAuthentication();
        return caller != null && caller.getUserId() != null ? caller.getUserId() : task.getAssignee();
    }

    private static String email(IdentityService identity, String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }
}
