package io.opsflow.azure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Microsoft support tickets on a customer subscription ({@code Microsoft.Support}, api-version
 * 2024-04-01): name check, create, read, severity change and close. Creating a ticket is asynchronous:
 * ARM answers 202 with a status URL, which the process polls with {@link #created} from a timer loop
 * (no thread waits here). A ticket's messages are {@link SupportCommunications}; the services and
 * problem classifications to file under are {@link SupportCatalog}. Every operation takes a
 * {@link SupportAccess}, which adds the CSP partner's auxiliary token where the customer has one.
 * Throttling (429 that the pipeline did not wait out) is thrown as {@link ArmThrottledException} with
 * ARM's {@code Retry-After}, for the process timer to wait.
 */
public class SupportTickets {

    static final String API_VERSION = "2024-04-01";

    private final ArmClient arm;

    SupportTickets(ArmClient arm) {
        this.arm = arm;
    }

    public enum Severity {
        MINIMAL("minimal"), MODERATE("moderate"), CRITICAL("critical"), HIGHEST_CRITICAL_IMPACT("highestcriticalimpact");

        private final String value;

        Severity(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** ARM's spelling; null for a value this version does not know. */
        public static Severity of(String value) {
            for (Severity severity : values()) {
                if (severity.value.equalsIgnoreCase(value)) {
                    return severity;
                }
            }
            return null;
        }
    }

    /** The answer to a name check: a name not available is taken (the ticket or message exists). */
    public record NameAvailability(boolean available, String reason, String message) {

        static NameAvailability from(JsonNode answer) {
            return new NameAvailability(answer.path("nameAvailable").asBoolean(false), answer.path("reason").asText(null),
                    answer.path("message").asText(null));
        }
    }

    /** Who Microsoft contacts, how, in which language and time zone. */
    public record Contact(String firstName, String lastName, String primaryEmailAddress,
                          List<String> additionalEmailAddresses, String preferredContactMethod,
                          String preferredTimeZone, String country, String preferredSupportLanguage, String phoneNumber) {

        public Contact {
            additionalEmailAddresses = additionalEmailAddresses == null ? List.of() : List.copyOf(additionalEmailAddresses);
        }

        /** By e-mail, in Japanese, Tokyo time, Japan. */
        public static Contact japanese(String firstName, String lastName, String email, List<String> additionalEmails) {
            return new Contact(firstName, lastName, email, additionalEmails, "email", "Tokyo Standard Time", "jpn", "ja-jp", null);
        }
    }

    /**
     * A ticket to open. {@code name} is chosen by opsflow (derive it from the incident, so a retry asks
     * for the same ticket); {@code serviceId} and {@code problemClassificationId} come from the
     * Support catalog; {@code resourceId} makes it a technical ticket about that resource.
     */
    public record NewTicket(String name, String serviceId, String problemClassificationId, Severity severity,
                            String title, String description, String resourceId, boolean advancedDiagnosticConsent,
                            boolean require24x7Response, Contact contact) {
    }

    /**
     * A ticket as Microsoft shows it. {@code status} is Microsoft's read-only text ({@code Open},
     * {@code Updating}, {@code Closed}, ...); {@code severity} is null for a value this version does not know.
     */
    public record Ticket(String name, String supportTicketId, String title, Severity severity, String status,
                         String serviceDisplayName, String problemClassificationDisplayName,
                         OffsetDateTime slaExpirationTime, String supportEngineerEmail,
                         OffsetDateTime createdDate, OffsetDateTime modifiedDate) {

        static Ticket from(JsonNode ticket) {
            JsonNode p = ticket.path("properties");
            return new Ticket(ticket.path("name").asText(null), p.path("supportTicketId").asText(null),
                    p.path("title").asText(null), Severity.of(p.path("severity").asText(null)), p.path("status").asText(null),
                    p.path("serviceDisplayName").asText(null), p.path("problemClassificationDisplayName").asText(null),
                    AutomationJob.time(p.path("serviceLevelAgreement"), "expirationTime"),
                    p.path("supportEngineer").path("emailAddress").asText(null),
                    AutomationJob.time(p, "createdDate"), AutomationJob.time(p, "modifiedDate"));
        }

        /** Closed, by the MSP or by Microsoft: the relay ends. */
        public boolean isClosed() {
            return "closed".equalsIgnoreCase(status);
        }
    }

    /**
     * Whether Microsoft would accept a ticket of that name in the subscription; a name not available
     * means the ticket exists (a retried step) or the name is malformed ({@code reason} says which).
     */
    public NameAvailability checkName(SupportAccess access, String ticketName) {
        return checkName(access, access.supportPath("checkNameAvailability"), ticketName, "Microsoft.Support/supportTickets");
    }

    /**
     * Opens the ticket, or returns it if a ticket of that name exists already (a retried step). ARM
     * usually answers 202: the submission then carries the status URL to poll with {@link #created}.
     */
    public ArmSubmission<Ticket> create(SupportAccess access, NewTicket ticket) {
        Optional<Ticket> existing = find(access, ticket.name());
        if (existing.isPresent()) {
            return new ArmSubmission<>(ticket.name(), null, existing.get());
        }
        ArmResponse response = access.through(arm).send(access.customer(),
                ArmRequest.put(ticketPath(access, ticket.name()), API_VERSION, body(ticket)));
        return submission(ticket.name(), response, Ticket::from);
    }

    /**
     * Polls a 202 submission once: empty while Microsoft is still creating the ticket, the ticket once
     * it exists. A creation that ended {@code Failed} or {@code Canceled} is thrown as a
     * {@link SupportOperationFailedException} carrying Microsoft's code and reason.
     */
    public Optional<Ticket> created(SupportAccess access, ArmSubmission<Ticket> submission) {
        if (!submission.isAccepted()) {
            return Optional.of(submission.resource());
        }
        if (!succeeded(access, submission, SupportOperationFailedException.Operation.CREATE_TICKET)) {
            return Optional.empty();
        }
        return Optional.of(get(access, submission.name()));
    }

    public Ticket get(SupportAccess access, String ticketName) {
        return Ticket.from(access.through(arm).send(access.customer(),
                ArmRequest.get(ticketPath(access, ticketName), API_VERSION)).json());
    }

    public Optional<Ticket> find(SupportAccess access, String ticketName) {
        return access.through(arm).find(access.customer(), ArmRequest.get(ticketPath(access, ticketName), API_VERSION))
                .map(r -> Ticket.from(r.json()));
    }

    /** Changes the severity (PATCH {@code {"severity": ...}}); contact and consent stay as they are. */
    public Ticket changeSeverity(SupportAccess access, String ticketName, Severity severity) {
        return update(access, ticketName, JsonNodeFactory.instance.objectNode().put("severity", severity.value()));
    }

    /**
     * Closes the ticket (PATCH {@code {"status": "closed"}}). A final message, if any, is added with
     * {@link SupportCommunications} before.
     */
    public Ticket close(SupportAccess access, String ticketName) {
        return update(access, ticketName, JsonNodeFactory.instance.objectNode().put("status", "closed"));
    }

    private Ticket update(SupportAccess access, String ticketName, ObjectNode changes) {
        return Ticket.from(access.through(arm).send(access.customer(),
                ArmRequest.patch(ticketPath(access, ticketName), API_VERSION, changes)).json());
    }

    NameAvailability checkName(SupportAccess access, String path, String name, String type) {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("name", name).put("type", type);
        return NameAvailability.from(access.through(arm).send(access.customer(),
                ArmRequest.post(path, API_VERSION, input)).json());
    }

    /**
     * One poll of a 202 submission's status URL: false while in progress, true once succeeded; a
     * {@code Failed} or {@code Canceled} end is thrown with Microsoft's reason.
     */
    boolean succeeded(SupportAccess access, ArmSubmission<?> submission, SupportOperationFailedException.Operation operation) {
        ArmAsyncOperation status = access.through(arm).asyncOperation(access.customer(), submission.statusUrl());
        return switch (status.status()) {
            case IN_PROGRESS -> false;
            case SUCCEEDED -> true;
            case FAILED, CANCELED -> throw new SupportOperationFailedException(operation, submission.name(), status);
        };
    }

    static <T> ArmSubmission<T> submission(String name, ArmResponse response, Function<JsonNode, T> parser) {
        if (response.status() == 202) {
            String statusUrl = response.header("Azure-AsyncOperation");
            return new ArmSubmission<>(name, statusUrl != null ? statusUrl : response.header("Location"), null);
        }
        return new ArmSubmission<>(name, null, parser.apply(response.json()));
    }

    private static ObjectNode body(NewTicket ticket) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode p = body.putObject("properties");
        p.put("serviceId", ticket.serviceId());
        p.put("problemClassificationId", ticket.problemClassificationId());
        p.put("title", ticket.title());
        p.put("description", ticket.description());
        p.put("severity", ticket.severity().value());
        p.put("advancedDiagnosticConsent", ticket.advancedDiagnosticConsent() ? "Yes" : "No");
        p.put("require24X7Response", ticket.require24x7Response());
        Contact c = ticket.contact();
        ObjectNode contact = p.putObject("contactDetails");
        contact.put("firstName", c.firstName());
        contact.put("lastName", c.lastName());
        contact.put("primaryEmailAddress", c.primaryEmailAddress());
        if (!c.additionalEmailAddresses().isEmpty()) {
            c.additionalEmailAddresses().forEach(contact.putArray("additionalEmailAddresses")::add);
        }
        contact.put("preferredContactMethod", c.preferredContactMethod());
        contact.put("preferredTimeZone", c.preferredTimeZone());
        contact.put("preferredSupportLanguage", c.preferredSupportLanguage());
        contact.put("country", c.country());
        if (c.phoneNumber() != null) {
            contact.put("phoneNumber", c.phoneNumber());
        }
        if (ticket.resourceId() != null) {
            p.putObject("technicalTicketDetails").put("resourceId", ticket.resourceId());
        }
        return body;
    }

    static String ticketPath(SupportAccess access, String ticketName) {
        return access.supportPath("supportTickets", ticketName);
    }
}
