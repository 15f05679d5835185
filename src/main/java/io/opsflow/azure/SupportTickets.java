package io.opsflow.azure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * Microsoft support tickets on a customer subscription ({@code Microsoft.Support}, api-version
 * 2024-04-01). Creating a ticket or a message is asynchronous: ARM answers 202 with a status URL,
 * which the process polls with {@link #created} (or {@link ArmClient#asyncOperation}).
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

    public record Ticket(String name, String supportTicketId, String title, String severity, String status,
                         String serviceDisplayName, String problemClassificationDisplayName,
                         OffsetDateTime slaExpirationTime, String supportEngineerEmail,
                         OffsetDateTime createdDate, OffsetDateTime modifiedDate) {

        static Ticket from(JsonNode ticket) {
            JsonNode p = ticket.path("properties");
            return new Ticket(ticket.path("name").asText(null), p.path("supportTicketId").asText(null),
                    p.path("title").asText(null), p.path("severity").asText(null), p.path("status").asText(null),
                    p.path("serviceDisplayName").asText(null), p.path("problemClassificationDisplayName").asText(null),
                    AutomationJob.time(p.path("serviceLevelAgreement"), "expirationTime"),
                    p.path("supportEngineer").path("emailAddress").asText(null),
                    AutomationJob.time(p, "createdDate"), AutomationJob.time(p, "modifiedDate"));
        }
    }

    /** A message on a ticket; direction {@code outbound} = written by the MSP, {@code inbound} = from Microsoft. */
    public record Communication(String name, String subject, String body, String sender, String communicationType,
                                String communicationDirection, OffsetDateTime createdDate) {

        static Communication from(JsonNode communication) {
            JsonNode p = communication.path("properties");
            return new Communication(communication.path("name").asText(null), p.path("subject").asText(null),
                    p.path("body").asText(null), p.path("sender").asText(null), p.path("communicationType").asText(null),
                    p.path("communicationDirection").asText(null), AutomationJob.time(p, "createdDate"));
        }
    }

    /**
     * Opens the ticket, or returns it if a ticket of that name exists already (a retried step). ARM
     * usually answers 202: the submission then carries the status URL to poll with {@link #created}.
     */
    public ArmSubmission<Ticket> create(Customer customer, String subscriptionId, NewTicket ticket) {
        Optional<Ticket> existing = find(customer, subscriptionId, ticket.name());
        if (existing.isPresent()) {
            return new ArmSubmission<>(ticket.name(), null, existing.get());
        }
        ArmResponse response = arm.send(customer,
                ArmRequest.put(ticketPath(subscriptionId, ticket.name()), API_VERSION, body(ticket)));
        return submission(ticket.name(), response, Ticket::from);
    }

    /**
     * Polls a 202 submission: empty while ARM is still creating the ticket, the ticket once it has;
     * a failed or cancelled creation is thrown as an {@link ArmException} with ARM's error code.
     */
    public Optional<Ticket> created(Customer customer, String subscriptionId, ArmSubmission<Ticket> submission) {
        if (!submission.isAccepted()) {
            return Optional.of(submission.resource());
        }
        ArmAsyncOperation operation = arm.asyncOperation(customer, submission.statusUrl());
        return switch (operation.status()) {
            case IN_PROGRESS -> Optional.empty();
            case SUCCEEDED -> Optional.of(get(customer, subscriptionId, submission.name()));
            case FAILED, CANCELED -> throw new ArmException(200,
                    operation.errorCode() == null ? "SupportTicket" + operation.status() : operation.errorCode(),
                    "Creating support ticket " + submission.name() + " ended " + operation.status()
                            + (operation.errorMessage() == null ? "" : ": " + operation.errorMessage()), null);
        };
    }

    public Ticket get(Customer customer, String subscriptionId, String ticketName) {
        return Ticket.from(arm.send(customer, ArmRequest.get(ticketPath(subscriptionId, ticketName), API_VERSION)).json());
    }

    public Optional<Ticket> find(Customer customer, String subscriptionId, String ticketName) {
        return arm.find(customer, ArmRequest.get(ticketPath(subscriptionId, ticketName), API_VERSION))
                .map(r -> Ticket.from(r.json()));
    }

    /** Adds a message to the ticket; {@code sender} (an e-mail address) is required for a service principal. */
    public ArmSubmission<Communication> addCommunication(Customer customer, String subscriptionId, String ticketName,
                                                         String communicationName, String subject, String body, String sender) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = request.putObject("properties");
        properties.put("subject", subject);
        properties.put("body", body);
        if (sender != null) {
            properties.put("sender", sender);
        }
        ArmResponse response = arm.send(customer, ArmRequest.put(
                ticketPath(subscriptionId, ticketName) + ArmPath.of("communications", communicationName), API_VERSION, request));
        return submission(communicationName, response, Communication::from);
    }

    /** The ticket's messages, oldest pages first as ARM lists them. */
    public List<Communication> communications(Customer customer, String subscriptionId, String ticketName) {
        return arm.list(customer, ArmRequest.get(ticketPath(subscriptionId, ticketName) + "/communications", API_VERSION))
                .stream().map(Communication::from).toList();
    }

    private static <T> ArmSubmission<T> submission(String name, ArmResponse response,
                                                   java.util.function.Function<JsonNode, T> parser) {
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

    private static String ticketPath(String subscriptionId, String ticketName) {
        return ArmPath.of("subscriptions", subscriptionId, "providers", "Microsoft.Support", "supportTickets", ticketName);
    }
}
