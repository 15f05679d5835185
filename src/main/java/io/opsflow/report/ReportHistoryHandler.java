package io.opsflow.report;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;

/**
 * Turns the history events of the reported processes ({@link ReportedFacts}) into projection rows,
 * written in the same transaction as Camunda's own history: buffered per command and sent when the
 * engine flushes it, so a rolled-back command leaves no report row either.
 */
class ReportHistoryHandler implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event.getProcessDefinitionKey() == null || !ReportedFacts.PROCESS_KEYS.contains(event.getProcessDefinitionKey())) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity instance) {
            process(instance);
        } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
            activity(activity);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            variable(variable);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void process(HistoricProcessInstanceEventEntity event) {
        if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
            writes().open(event.getProcessInstanceId(), event.getTenantId(), event.getProcessDefinitionKey(), event.getBusinessKey(),
                    event.getStartTime());
        } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
            writes().close(event.getProcessInstanceId(), event.getEndTime(), event.getEndActivityId());
        } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_UPDATE) && event.getBusinessKey() != null) {
            writes().businessKey(event.getProcessInstanceId(), event.getBusinessKey());
        }
    }

    private void activity(HistoricActivityInstanceEventEntity event) {
        String key = event.getProcessDefinitionKey();
        if (event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START) && ReportedFacts.isStarted(key, event.getActivityId())) {
            writes().fact(event.getProcessInstanceId(), ReportedFacts.started(event.getActivityId()), event.getStartTime(), null, null);
        } else if (event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END) && ReportedFacts.isEnded(key, event.getActivityId())
                && event.getActivityInstanceState() != ActivityInstanceState.CANCELED.getStateCode()) {
            writes().fact(event.getProcessInstanceId(), ReportedFacts.ended(event.getActivityId()), event.getEndTime(), null, null);
        }
    }

    private void variable(HistoricVariableUpdateEventEntity event) {
        boolean set = event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE);
        if (set && ReportedFacts.isVariable(event.getProcessDefinitionKey(), event.getVariableName())) {
            writes().fact(event.getProcessInstanceId(), event.getVariableName(), event.getTimestamp(), event.getTextValue(),
                    event.getLongValue());
            if (ReportedFacts.isServiceNowNumber(event.getProcessDefinitionKey(), event.getVariableName())
                    && event.getTextValue() != null && event.getTextValue().length() <= ReportWrites.MAX_NUMBER) {
                writes().serviceNowNumber(event.getProcessInstanceId(), event.getTextValue());
            }
        }
    }

    /** This command's writes ({@link ReportSession}, flushed with the engine's own sessions). */
    private static ReportWrites writes() {
        return Context.getCommandContext().getSession(ReportSession.class).writes();
    }
}
