package io.opsflow.incident;

import static io.opsflow.incident.IncidentVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.opsflow.customer.Onboarding;
import io.opsflow.escalation.SupportMessages;
import io.opsflow.intake.InboundDeliveries;
import io.opsflow.intake.Intake;
import io.opsflow.intake.IntakeResult;
import io.opsflow.messages.Messages;
import io.opsflow.servicenow.JournalText;

/**
 * Starts and correlates incident-coordination instances for inbound events, plugged into the
 * {@link Intake} (one transaction with the delivery record, so a 2xx answer means the engine has
 * it); the delivery id and the alert key rows make redeliveries and alert storms land in one instance.
 */
@Service
class IncidentCoordination implements IncidentIntake {

    private final RuntimeService runtime;
    private final InboundDeliveries deliveries;
    private final OpenIncidents openIncidents;
    private final Intake intake;
    private final Messages messages;
    private final SupportMessages supportMessages;
    private final Onboarding onboarding;

    private final Intake.Handling<Alert> alerts = new Intake.Handling<>() {
        @Override
        public Intake.Delivery delivery(Alert alert) {
            return new Intake.Delivery(alert.deliveryId(), alert.source(), alert.alertId(), alert.state().name());
        }

        @Override
        public IntakeResult handle(Alert alert, InboundDeliveries.History history) {
            return switch (alert.state()) {
                case FIRED -> fired(alert, history);
                case UPDATED -> noteOnIncidentOf(alert, history.incident());
                case RESOLVED -> resolved(alert, history.incident());
            };
        }
    };

    private final Intake.Handling<ServiceNowIncidentEvent> serviceNowIncidents = new Intake.Handling<>() {
        @Override
        public Intake.Delivery delivery(ServiceNowIncidentEvent event) {
            return new Intake.Delivery(event.deliveryId(), SOURCE_SERVICENOW, null, null);
        }

        @Override
        public IntakeResult handle(ServiceNowIncidentEvent event, InboundDeliveries.History history) {
            return incidentOf(event).map(incident -> update(incident, event)).orElseGet(() -> open(event));
        }
    };

    IncidentCoordination(RuntimeService runtime, InboundDeliveries deliveries, OpenIncidents openIncidents, Intake intake, Messages messages,
                         SupportMessages supportMessages, Onboarding onboarding) {
        this.runtime = runtime;
        this.onboarding = onboarding;
        this.supportMessages = supportMessages;
        this.deliveries = deliveries;
        this.openIncidents = openIncidents;
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public IntakeResult receive(Alert alert) {
        return intake.receive(alert, alerts);
    }

    @Override
    public IntakeResult receive(ServiceNowIncidentEvent event) {
        return intake.receive(event, serviceNowIncidents);
    }

    private IntakeResult fired(Alert alert, InboundDeliveries.History history) {
        Optional<IntakeResult> sameAlert = history.incident().filter(r -> isRunning(r.processInstanceId()));
        if (sameAlert.isPresent()) {
            return new IntakeResult(IntakeResult.Outcome.DUPLICATE, sameAlert.get().processInstanceId(), sameAlert.get().businessKey());
        }
        if (history.resolved()) {
            // Its recovery overtook it: nothing is wrong any more, so no incident is opened.
            return new IntakeResult(IntakeResult.Outcome.STALE, null, alert.alertId());
        }
        // A test run gets incidents of its own: a second run must not land in the first one's still-open incident.
        String key = "alert:" + alert.customerId() + "|" + alert.ruleName() + "|"
                + (alert.targetResource() == null ? "" : alert.targetResource().toLowerCase(Locale.ROOT))
                + (alert.testRun() == null ? "" : "|test:" + alert.testRun());
        Optional<OpenIncidents.Open> open = openIncidents.find(key);
        if (open.isPresent() && !isRunning(open.get().processInstanceId())) {
            // Its instance was deleted without listeners (e.g. in Cockpit): the key is free.
            openIncidents.releaseKey(key);
            open = Optional.empty();
        }
        if (open.isPresent()) {
            correlate(open.get().processInstanceId(), MESSAGE_ALERT_UPDATE_RECEIVED, ALERT_NOTE, note(alert));
            return new IntakeResult(IntakeResult.Outcome.CORRELATED, open.get().processInstanceId(), open.get().businessKey());
        }
        ProcessInstance instance = start(alert.alertId(), StartVariables.of(alert, onboarding.live(alert.customerId())));
        // After the start, so one statement claims the key with its instance: a concurrent alert of
        // the key that started too loses on the key, rolls back and is correlated on its retry.
        openIncidents.claim(key, instance.getId(), instance.getBusinessKey());
        return new IntakeResult(IntakeResult.Outcome.STARTED, instance.getId(), instance.getBusinessKey());
    }

    private IntakeResult noteOnIncidentOf(Alert alert, Optional<IntakeResult> incident) {
        if (incident.isEmpty() || !isRunning(incident.get().processInstanceId())) {
            return stale(incident);
        }
        boolean noted = correlate(incident.get().processInstanceId(), MESSAGE_ALERT_UPDATE_RECEIVED, ALERT_NOTE, note(alert));
        return noted ? incident.get() : stale(incident);
    }

    /** The incident's own alert recovering before triage closes it as self-healed; any other recovery is noted. */
    private IntakeResult resolved(Alert alert, Optional<IntakeResult> incident) {
        if (incident.isEmpty() || !isRunning(incident.get().processInstanceId())) {
            return stale(incident);
        }
        String instanceId = incident.get().processInstanceId();
        boolean ownAlert = alert.alertId().equals(runtime.getVariable(instanceId, ALERT_ID));
        boolean beforeTriage = runtime.createEventSubscriptionQuery().processInstanceId(instanceId)
                .eventName(MESSAGE_ALERT_RESOLVED).count() > 0;
        String message = ownAlert && beforeTriage ? MESSAGE_ALERT_RESOLVED : MESSAGE_ALERT_UPDATE_RECEIVED;
        return correlate(instanceId, message, ALERT_NOTE, note(alert)) ? incident.get() : stale(incident);
    }

    private Optional<IntakeResult> incidentOf(ServiceNowIncidentEvent event) {
        List<ProcessInstance> bySysId = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(SERVICENOW_SYS_ID, event.sysId()).list();
        if (!bySysId.isEmpty()) {
            return Optional.of(new IntakeResult(IntakeResult.Outcome.CORRELATED, bySysId.get(0).getId(), bySysId.get(0).getBusinessKey()));
        }
        String correlationId = event.incident().correlationId();
        return correlationId == null || correlationId.isBlank() ? Optional.empty()
                : deliveries.incidentOfAlert(correlationId).filter(r -> isRunning(r.processInstanceId()));
    }

    /** A change of a record already coordinated: older than one applied is stale; else it reaches the instance. */
    private IntakeResult update(IntakeResult incident, ServiceNowIncidentEvent event) {
        String instanceId = incident.processInstanceId();
        if (!intake.newerChange(instanceId, SERVICENOW_MOD_COUNT, event.modCount())) {
            return new IntakeResult(IntakeResult.Outcome.STALE, instanceId, incident.businessKey());
        }
        if (runtime.getVariable(instanceId, SERVICENOW_SYS_ID) == null) {
            runtime.setVariable(instanceId, SERVICENOW_SYS_ID, event.sysId());
            runtime.setVariable(instanceId, SERVICENOW_NUMBER, event.number());
        }
        if (event.incident().state().isOver()) {
            correlate(instanceId, MESSAGE_SERVICENOW_INCIDENT_RESOLVED, COMMENT, event.incident().closeNotes());
            supportMessages.incidentResolved(event.sysId());
        } else {
            if (event.changedFields().contains("comments") && !blank(event.latestComment())) {
                correlate(instanceId, MESSAGE_SERVICENOW_COMMENT_ADDED, COMMENT, event.latestComment());
            }
            // In the intake's transaction, under its delivery ledger: a note marked for Microsoft is sent once.
            forwardToMicrosoft(event, "comments", event.latestComment());
            forwardToMicrosoft(event, "work_notes", event.latestWorkNote());
        }
        return incident;
    }

    private void forwardToMicrosoft(ServiceNowIncidentEvent event, String journal, String entry) {
        if (event.changedFields().contains(journal) && !blank(entry)) {
            supportMessages.forward(event.sysId(), event.deliveryId() + "/" + journal, JournalText.body(entry),
                    SupportMessages.Sender.serviceNowUser(event.updatedBy()));
        }
    }

    /** An incident raised in ServiceNow itself: coordinate it, unless it is already over. */
    private IntakeResult open(ServiceNowIncidentEvent event) {
        if (event.incident().state().isOver()) {
            return new IntakeResult(IntakeResult.Outcome.STALE, null, event.number());
        }
        ProcessInstance instance = start(event.number(), StartVariables.of(event));
        return new IntakeResult(IntakeResult.Outcome.STARTED, instance.getId(), instance.getBusinessKey());
    }

    private ProcessInstance start(String businessKey, Map<String, Object> variables) {
        return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(businessKey).setVariables(variables).execute();
    }

    private boolean correlate(String instanceId, String message, String variable, String value) {
        try {
            // Transient: the receiving event sub-process keeps it as a local variable of its own token.
            runtime.createMessageCorrelation(message).processInstanceId(instanceId)
                    .setVariable(variable + "Received", Variables.stringValue(value, true)).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            // The instance is past the point where it listens (e.g. closing after a resolution in ServiceNow).
            return false;
        }
    }

    private boolean isRunning(String instanceId) {
        return instanceId != null && runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0;
    }

    private static IntakeResult stale(Optional<IntakeResult> incident) {
        return new IntakeResult(IntakeResult.Outcome.STALE, incident.map(IntakeResult::processInstanceId).orElse(null),
                incident.map(IntakeResult::businessKey).orElse(null));
    }

    /** The work note of an alert joining an incident, in its customer's language. */
    private String note(Alert alert) {
        String state = messages.forCustomer(alert.customerId()).text("incident.alert." + alert.state().name());
        return state + " (" + alert.source() + ", " + alert.occurredAt() + "): " + alert.summary()
                + (blank(alert.description()) ? "" : "\n" + alert.description());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
