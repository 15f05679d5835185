package io.opsflow.catalog;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.messages.Messages;
import io.opsflow.servicenow.NoteKey;
import io.opsflow.servicenow.RequestedItemState;
import io.opsflow.servicenow.RequestedItemUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Shows a step on the RITM: each task of the model gives the state, stage and work note as its
 * input parameters ({@code ritmState} in business words such as {@code closedComplete}, {@code ritmStage},
 * and either {@code noteKey} + {@code noteArguments} from the message catalogue, written in the
 * customer's language, or a {@code workNote} already written); blank means unchanged.
 * Each note is written once ({@link NoteKey}), also when the job is retried after a lost answer.
 */
@Component
class UpdateRequestedItemDelegate implements JavaDelegate {

    private final ServiceNowClient servicenow;
    private final Messages messages;

    UpdateRequestedItemDelegate(ServiceNowClient servicenow, Messages messages) {
        this.servicenow = servicenow;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        servicenow.updateRequestedItem((String) execution.getVariable(CatalogVariables.RITM_SYS_ID), new RequestedItemUpdate(
                state(execution.getVariableLocal("ritmState")), blankToNull(execution.getVariableLocal("ritmStage")),
                "opsflow: " + note(execution)), noteKey(execution));
    }

    private String note(DelegateExecution execution) {
        Object key = execution.getVariableLocal("noteKey");
        if (key == null) {
            return String.valueOf(execution.getVariableLocal("workNote"));
        }
        List<?> arguments = (List<?>) execution.getVariableLocal("noteArguments");
        Object[] texts = arguments == null ? new Object[0] : arguments.stream().map(String::valueOf).toArray();
        return messages.forCustomer((String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID)).text(key.toString(), texts);
    }

    /** The step, and the fulfilment attempt for the steps of the failure loop, which the process passes again. */
    static NoteKey noteKey(DelegateExecution execution) {
        return NoteKey.forStep(execution.getProcessInstanceId(), execution.getParentActivityInstanceId(), execution.getCurrentActivityId(),
                "attempt-" + execution.getVariable(CatalogVariables.FULFILMENT_ATTEMPT));
    }

    private static RequestedItemState state(Object word) {
        String state = blankToNull(word);
        return state == null ? null : RequestedItemState.named(state);
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
