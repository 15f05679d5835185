package io.opsflow.azure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;

/**
 * What a support ticket can be filed under: Microsoft's services and each service's problem
 * classifications ({@code GET /providers/Microsoft.Support/services[/{service}/problemClassifications]},
 * tenant level, api-version 2024-04-01), with display names in the language asked for
 * ({@code Accept-Language}). Microsoft changes the catalog now and then, so ids are never hard-coded;
 * it is the same for every customer, so an answer is kept {@link #TIME_TO_LIVE a day} per language
 * (and service) whichever customer's credential fetched it.
 */
public class SupportCatalog {

    static final Duration TIME_TO_LIVE = Duration.ofDays(1);

    private final ArmClient arm;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    SupportCatalog(ArmClient arm, Clock clock) {
        this.arm = arm;
        this.clock = clock;
    }

    /** A service: {@code id} is the ticket's {@code serviceId}; {@code resourceTypes} it covers (may be empty). */
    public record Service(String id, String name, String displayName, List<String> resourceTypes) {

        static Service from(JsonNode service) {
            List<String> types = new ArrayList<>();
            service.path("properties").path("resourceTypes").forEach(type -> types.add(type.asText()));
            return new Service(service.path("id").asText(null), service.path("name").asText(null),
                    service.path("properties").path("displayName").asText(null), List.copyOf(types));
        }
    }

    /** A problem classification: {@code id} is the ticket's {@code problemClassificationId}. */
    public record ProblemClassification(String id, String name, String displayName) {

        static ProblemClassification from(JsonNode classification) {
            return new ProblemClassification(classification.path("id").asText(null), classification.path("name").asText(null),
                    classification.path("properties").path("displayName").asText(null));
        }
    }

    /**
     * The services, display names in {@code language} (e.g. {@code Locale.JAPAN} → {@code ja-JP}).
     *
     * @param customer whose credential asks ARM when the day-old answer has expired
     */
    public List<Service> services(Customer customer, Locale language) {
        String tag = language.toLanguageTag();
        return cached("services|" + tag, () -> list(customer, ArmPath.of("providers", "Microsoft.Support", "services"), tag)
                .stream().map(Service::from).toList());
    }

    /** The problem classifications of a service ({@link Service#name()}), display names in {@code language}. */
    public List<ProblemClassification> problemClassifications(Customer customer, String serviceName, Locale language) {
        String tag = language.toLanguageTag();
        return cached("problemClassifications|" + serviceName + "|" + tag, () -> list(customer,
                ArmPath.of("providers", "Microsoft.Support", "services", serviceName, "problemClassifications"), tag)
                .stream().map(ProblemClassification::from).toList());
    }

    private List<JsonNode> list(Customer customer, String path, String languageTag) {
        return arm.list(customer, ArmRequest.get(path, SupportTickets.API_VERSION).withHeader("Accept-Language", languageTag));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> cached(String key, Supplier<List<T>> fetch) {
        Instant now = clock.instant();
        Cached<?> cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires)) {
            return (List<T>) cached.items;
        }
        List<T> items = fetch.get();
        cache.put(key, new Cached<>(items, now.plus(TIME_TO_LIVE)));
        return items;
    }

    private record Cached<T>(List<T> items, Instant expires) {
    }
}
