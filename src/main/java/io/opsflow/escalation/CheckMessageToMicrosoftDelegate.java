package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.time.Duration;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.azure.ArmSubmission;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.SupportAccess;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportOperationFailedException;

/**
 * One poll of a message's sending: still on its way (the next poll waits longer, or what a 429 asked
 * for), sent (a work note says so), or Failed with Microsoft's reason for the operator: never noted as sent.
 */
@Component
class CheckMessageToMicrosoftDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportCommunications communications;
    private final SupportNotes notes;

    CheckMessageToMicrosoftDelegate(EscalationContext context, SupportCommunications communications, SupportNotes notes) {
        this.context = context;
        this.communications = communications;
        this.notes = notes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportAccess access = context.access(execution);
        String ticket = (String) execution.getVariable(SUPPORT_TICKET_NAME);
        String name = (String) execution.getVariable(MICROSOFT_MESSAGE_NAME);
        String statusUrl = (String) execution.getVariable(MICROSOFT_MESSAGE_STATUS_URL);
        Duration last = Duration.parse((String) execution.getVariable(SUPPORT_POLL_INTERVAL));
        try {
            Optional<SupportCommunications.Communication> sent = statusUrl == null
                    ? Optional.of(communications.get(access, ticket, name))
                    : communications.added(access, ticket, new ArmSubmission<>(name, statusUrl, null));
            if (sent.isEmpty()) {
                execution.setVariable(MICROSOFT_MESSAGE_OUTCOME, OUTCOME_CREATING);
                Duration doubled = last.multipliedBy(2);
                execution.setVariable(SUPPORT_POLL_INTERVAL,
                        (doubled.compareTo(CheckSupportTicketCreatedDelegate.LONGEST_POLL) > 0 ? CheckSupportTicketCreatedDelegate.LONGEST_POLL : doubled).toString());
                return;
            }
            execution.setVariable(MICROSOFT_MESSAGE_OUTCOME, OUTCOME_CREATED);
            notes.workNote(execution, context.texts(access.customer()).text("escalation.message.sent",
                    execution.getVariable(MICROSOFT_CASE_NUMBER), execution.getVariable(MICROSOFT_MESSAGE_BODY)), name);
        } catch (SupportOperationFailedException e) {
            execution.setVariable(MICROSOFT_MESSAGE_OUTCOME, OUTCOME_FAILED);
            execution.setVariable(SUPPORT_FAILURE_REASON, e.reason() != null ? e.reason() : e.getMessage());
        } catch (ArmThrottledException e) {
            execution.setVariable(MICROSOFT_MESSAGE_OUTCOME, OUTCOME_CREATING);
            execution.setVariable(SUPPORT_POLL_INTERVAL, (e.retryAfter() != null ? e.retryAfter() : last).toString());
        }
    }
}
