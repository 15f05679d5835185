package io.opsflow.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The customers of the sandbox's Partner Center: created ones (the tenant id derived from the domain),
 * the domain {@code contoso.onmicrosoft.com} taken by someone else, agreements, carts and Azure plan
 * orders. An Azure plan's Azure subscription appears among its entitlements only
 * {@code opsflow.sandbox.azure-plan-delay} after checkout, as the real one takes minutes. Answers to a
 * creating request are kept by {@code MS-RequestId} and replayed when the same id comes again.
 */
@Component
@ConditionalOnSandbox
class SimulatedPartnerCenterState {

    static final String TAKEN_DOMAIN = "contoso.onmicrosoft.com";
    static final String AZURE_PLAN_ITEM = "DZH318Z0BPS6:0001:DZH318Z0BML6";

    private final Duration azurePlanDelay;
    private final Clock clock;
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Cart> carts = new ConcurrentHashMap<>();
    private final Map<String, ResponseEntity<?>> replies = new ConcurrentHashMap<>();

    @Autowired
    SimulatedPartnerCenterState(SandboxProperties properties) {
        this(properties.azurePlanDelay(), Clock.systemUTC());
    }

    SimulatedPartnerCenterState(Duration azurePlanDelay, Clock clock) {
        this.azurePlanDelay = azurePlanDelay;
        this.clock = clock;
    }

    /** A customer: its company name, domain, whether the MCA was accepted, and its Azure plan once ordered. */
    static final class Customer {
        final String id;
        final String domain;
        final String companyName;
        final Object billingProfile;
        volatile boolean agreementAccepted;
        volatile Order azurePlan;

        Customer(String id, String domain, String companyName, Object billingProfile) {
            this.id = id;
            this.domain = domain;
            this.companyName = companyName;
            this.billingProfile = billingProfile;
        }
    }

    record Cart(String id, String customerId, String catalogItemId, String billingCycle) {
    }

    /** The Azure plan: order, Partner Center subscription and the Azure subscription ready at {@code readyAt}. */
    record Order(String orderId, String planSubscriptionId, String azureSubscriptionId, Instant orderedAt, Instant readyAt) {
    }

    boolean domainTaken(String domain) {
        return TAKEN_DOMAIN.equalsIgnoreCase(domain) || customers.values().stream().anyMatch(c -> c.domain.equalsIgnoreCase(domain));
    }

    List<Customer> customersWithDomainStarting(String prefix) {
        return customers.values().stream().filter(c -> c.domain.toLowerCase().startsWith(prefix.toLowerCase())).toList();
    }

    Optional<Customer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    Customer create(String domain, String companyName, Object billingProfile) {
        String id = uuid("tenant/" + domain.toLowerCase());
        return customers.computeIfAbsent(id, key -> new Customer(id, domain.toLowerCase(), companyName, billingProfile));
    }

    Cart cart(String customerId, String catalogItemId, String billingCycle, String requestId) {
        Cart cart = new Cart(uuid("cart/" + customerId + "/" + requestId), customerId, catalogItemId, billingCycle);
        carts.putIfAbsent(cart.id(), cart);
        return carts.get(cart.id());
    }

    Optional<Cart> cart(String cartId) {
        return Optional.ofNullable(carts.get(cartId));
    }

    /** Checks the cart out once: the Azure plan order, its subscription ready after the delay; empty when already submitted. */
    Optional<Order> checkout(Customer customer, Cart cart) {
        if (carts.remove(cart.id()) == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Order order = new Order(uuid("order/" + cart.id()), uuid("plan/" + customer.id), uuid("azure/" + customer.id), now,
                now.plus(azurePlanDelay));
        customer.azurePlan = order;
        return Optional.of(order);
    }

    /** The Azure subscriptions under the plan: none until the delay after checkout has passed. */
    List<String> azureSubscriptions(Customer customer, String planSubscriptionId) {
        Order plan = customer.azurePlan;
        List<String> ids = new ArrayList<>();
        if (plan != null && plan.planSubscriptionId().equals(planSubscriptionId) && !clock.instant().isBefore(plan.readyAt())) {
            ids.add(plan.azureSubscriptionId());
        }
        return ids;
    }

    /** The successful answer given earlier to {@code requestId} for {@code operation}, or {@code answer}'s, kept when successful. */
    ResponseEntity<?> replay(String operation, String requestId, Supplier<ResponseEntity<?>> answer) {
        if (requestId == null || requestId.isBlank()) {
            return answer.get();
        }
        String key = operation + "/" + requestId;
        synchronized (replies) {
            ResponseEntity<?> earlier = replies.get(key);
            if (earlier != null) {
                return earlier;
            }
            ResponseEntity<?> reply = answer.get();
            if (reply.getStatusCode().is2xxSuccessful()) {
                replies.put(key, reply);
            }
            return reply;
        }
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
