package io.opsflow.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A simulated support ticket and what belongs to it: its ARM body, its communications and
 * Microsoft's replies still to come. Shared by {@link SimulatedTickets}, {@link SimulatedCommunications}
 * and {@link DueReplies} under {@link SimulatedSupport}'s lock.
 */
final class SupportTicket {

    final Map<String, Object> json;
    final List<Map<String, Object>> communications = new ArrayList<>();
    final TreeSet<Instant> repliesDue = new TreeSet<>();
    String lastOutboundSubject;
    int microsoftMessages;

    SupportTicket(Map<String, Object> json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> props() {
        return (Map<String, Object>) json.get("properties");
    }

    /** Communication names are case-insensitive, as ARM names are. */
    Optional<Map<String, Object>> communication(String name) {
        return communications.stream().filter(c -> name.equalsIgnoreCase(String.valueOf(c.get("name")))).findFirst();
    }

    /**
     * Adds a message of either side as ARM shows it; {@code parent} is the communications collection
     * or one communication's path, so that the id keeps the caller's spelling.
     */
    void addCommunication(String parent, String name, String subject, String body, String sender, String direction, Instant at) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("subject", subject);
        props.put("body", body);
        props.put("communicationType", "web");
        props.put("communicationDirection", direction);
        props.put("sender", sender);
        props.put("createdDate", SimulatedSupport.time(at));
        Map<String, Object> communication = new LinkedHashMap<>();
        communication.put("id", (parent.endsWith("/communications") ? parent : parent.replaceFirst("/communications/[^/]+$", "/communications")) + "/" + name);
        communication.put("name", name);
        communication.put("type", "Microsoft.Support/communications");
        communication.put("properties", props);
        communications.add(communication);
    }
}
