package io.opsflow.azure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The messages on a Microsoft support ticket ({@code …/supportTickets/{name}/communications}, api-version
 * 2024-04-01): those since a time, for the relay to ServiceNow, and new ones from the MSP. Adding a
 * message is asynchronous like creating a ticket: poll the submission with {@link #added}.
 */
public class SupportCommunications {

    private final ArmClient arm;
    private final SupportTickets tickets;

    SupportCommunications(ArmClient arm) {
        this.arm = arm;
        this.tickets = new SupportTickets(arm);
    }

    /** Who wrote a message: {@code OUTBOUND} the MSP (or the customer), {@code INBOUND} Microsoft. */
    public enum Direction {
        INBOUND, OUTBOUND;

        static Direction of(String value) {
            return "inbound".equalsIgnoreCase(value) ? INBOUND : "outbound".equalsIgnoreCase(value) ? OUTBOUND : null;
        }
    }

    /** How it was written: on the web (portal, API, e-mail) or noted from a phone call. */
    public enum Channel {
        WEB, PHONE;

        static Channel of(String value) {
            return "web".equalsIgnoreCase(value) ? WEB : "phone".equalsIgnoreCase(value) ? PHONE : null;
        }
    }

    /**
     * A message on a ticket. {@code direction} and {@code channel} are null for values this version does
     * not know; {@code body} is Microsoft's text as it is (HTML possible, Japanese intact).
     */
    public record Communication(String name, String subject, String body, String sender, Channel channel,
                                Direction direction, OffsetDateTime createdDate) {

        static Communication from(JsonNode communication) {
            JsonNode p = communication.path("properties");
            return new Communication(communication.path("name").asText(null), p.path("subject").asText(null),
                    p.path("body").asText(null), p.path("sender").asText(null),
                    Channel.of(p.path("communicationType").asText(null)),
                    Direction.of(p.path("communicationDirection").asText(null)), AutomationJob.time(p, "createdDate"));
        }

        public boolean isFromMicrosoft() {
            return direction == Direction.INBOUND;
        }
    }

    /**
     * Whether a message of that name can be added to the ticket; not available means it exists already
     * (a retried relay step that must not send twice).
     */
    public SupportTickets.NameAvailability checkName(SupportAccess access, String ticketName, String communicationName) {
        return tickets.checkName(access, SupportTickets.ticketPath(access, ticketName) + "/checkNameAvailability",
                communicationName, "Microsoft.Support/communications");
    }

    /**
     * Adds a message; {@code sender} (the operator's e-mail address) is required for a service principal.
     * ARM answers 202 with a status URL to poll with {@link #added}, or 200 with the message.
     */
    public ArmSubmission<Communication> add(SupportAccess access, String ticketName, String communicationName,
                                            String subject, String body, String sender) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = request.putObject("properties");
        properties.put("subject", subject);
        properties.put("body", body);
        if (sender != null) {
            properties.put("sender", sender);
        }
        ArmResponse response = access.through(arm).send(access.customer(),
                ArmRequest.put(path(access, ticketName, communicationName), SupportTickets.API_VERSION, request));
        return SupportTickets.submission(communicationName, response, Communication::from);
    }

    /**
     * Polls an {@link #add} submission once: empty while in progress, the message once it exists. An
     * operation ended {@code Failed} or {@code Canceled} is thrown as a {@link SupportOperationFailedException}
     * with Microsoft's reason: the message was not sent.
     */
    public Optional<Communication> added(SupportAccess access, String ticketName, ArmSubmission<Communication> submission) {
        if (!submission.isAccepted()) {
            return Optional.of(submission.resource());
        }
        if (!tickets.succeeded(access, submission, SupportOperationFailedException.Operation.ADD_COMMUNICATION)) {
            return Optional.empty();
        }
        return Optional.of(get(access, ticketName, submission.name()));
    }

    public Communication get(SupportAccess access, String ticketName, String communicationName) {
        return Communication.from(access.through(arm).send(access.customer(),
                ArmRequest.get(path(access, ticketName, communicationName), SupportTickets.API_VERSION)).json());
    }

    /**
     * The ticket's messages created at or after {@code since} ({@code $filter=createdDate ge …}, every
     * {@code nextLink} page followed), oldest first. The bound is inclusive and ARM's clock is not
     * ours: the caller remembers the names it has relayed and skips them.
     */
    public List<Communication> since(SupportAccess access, String ticketName, OffsetDateTime since) {
        String bound = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                since.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        ArmRequest request = ArmRequest.get(SupportTickets.ticketPath(access, ticketName) + "/communications",
                SupportTickets.API_VERSION).withQuery("$filter", "createdDate ge " + bound);
        return sorted(access.through(arm).list(access.customer(), request));
    }

    /** All the ticket's messages, oldest first. */
    public List<Communication> all(SupportAccess access, String ticketName) {
        return sorted(access.through(arm).list(access.customer(),
                ArmRequest.get(SupportTickets.ticketPath(access, ticketName) + "/communications", SupportTickets.API_VERSION)));
    }

    private static List<Communication> sorted(List<JsonNode> items) {
        return items.stream().map(Communication::from)
                .sorted(Comparator.comparing(Communication::createdDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static String path(SupportAccess access, String ticketName, String communicationName) {
        return SupportTickets.ticketPath(access, ticketName) + ArmPath.of("communications", communicationName);
    }
}
