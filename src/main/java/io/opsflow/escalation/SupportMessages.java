package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * ServiceNow → Microsoft: an incident comment or work note that starts with {@value #PREFIX} becomes a
 * message on the incident's open Microsoft ticket, sent by its own microsoft-support-message instance
 * (business key = the message name, derived from the ServiceNow delivery, so a delivery seen twice
 * sends once). The relay skips it when ARM lists it back: it is outbound.
 */
@Service
public class SupportMessages {

    /** What marks a ServiceNow comment or work note for Microsoft. */
    public static final String PREFIX = "[MS]";

    private final RuntimeService runtime;
    private final HistoryService history;

    public SupportMessages(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /**
     * Who writes to Microsoft: an e-mail address known at once (an operator in Tasklist), or a ServiceNow
     * user name whose e-mail the sending step reads from {@code sys_user}; neither: the customer's support contact.
     */
    public record Sender(String email, String serviceNowUserName) {

        public static Sender email(String email) {
            return new Sender(email, null);
        }

        public static Sender serviceNowUser(String userName) {
            return new Sender(null, userName);
        }
    }

    public static boolean isForMicrosoft(String text) {
        return text != null && text.stripLeading().startsWith(PREFIX);
    }

    /**
     * Starts the sending of {@code text} (prefix removed; a ServiceNow journal header already removed by
     * the caller) to the open ticket of the incident, if it has one. {@code messageKey} names this message
     * for good (e.g. the webhook delivery and journal), so a redelivery is not sent twice.
     *
     * @return the sending instance's id, empty when the incident has no open ticket or it was sent already
     */
    public Optional<String> forward(String serviceNowSysId, String messageKey, String text, Sender sender) {
        if (!isForMicrosoft(text)) {
            return Optional.empty();
        }
        Optional<ProcessInstance> open = OpenSupportTickets.relayOf(runtime, serviceNowSysId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        ProcessInstance relay = open.get();
        String name = messageName(messageKey);
        // Sending or sent already (history keeps ended instances): a redelivered comment is not sent twice.
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(MESSAGE_PROCESS_KEY).processInstanceBusinessKey(name).count() > 0) {
            return Optional.empty();
        }
        VariableMap variables = Variables.createVariables();
        for (String handed : List.of(CUSTOMER_ID, PRIORITY, SUMMARY, TARGET_RESOURCE, SERVICENOW_SYS_ID, SERVICENOW_NUMBER,
                MICROSOFT_CASE_NUMBER, SUPPORT_TICKET_NAME)) {
            variables.put(handed, runtime.getVariable(relay.getId(), handed));
        }
        variables.put(MICROSOFT_MESSAGE_NAME, name);
        variables.put(MICROSOFT_MESSAGE_BODY, text.stripLeading().substring(PREFIX.length()).strip());
        variables.put(MICROSOFT_MESSAGE_SENDER, sender == null ? null : sender.email());
        variables.put(MICROSOFT_MESSAGE_SENDER_USER, sender == null ? null : sender.serviceNowUserName());
        return Optional.of(runtime.createProcessInstanceByKey(MESSAGE_PROCESS_KEY).businessKey(name).setVariables(variables)
                .execute().getId());
    }

    /**
     * The incident was resolved in ServiceNow: the operator decides in the relay whether to close its
     * Microsoft ticket. False when the incident has no relay running.
     */
    public boolean incidentResolved(String serviceNowSysId) {
        Optional<ProcessInstance> relay = OpenSupportTickets.relayOf(runtime, serviceNowSysId);
        relay.ifPresent(r -> runtime.createMessageCorrelation(MESSAGE_INCIDENT_RESOLVED).processInstanceId(r.getId()).correlate());
        return relay.isPresent();
    }

    static String messageName(String messageKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("opsflow-ms-message:" + messageKey).getBytes(StandardCharsets.UTF_8));
            return "opsflow-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
