package io.opsflow.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.opsflow.sandbox.SimulatedPartnerCenterState.Cart;
import io.opsflow.sandbox.SimulatedPartnerCenterState.Customer;
import io.opsflow.sandbox.SimulatedPartnerCenterState.Order;

/** The sandbox Partner Center's answers about carts, orders and subscriptions, in the documented shapes. */
final class SimulatedPartnerCenterCarts {

    private SimulatedPartnerCenterCarts() {
    }

    static ResponseEntity<?> created(Cart cart) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", 0);
        line.put("catalogItemId", cart.catalogItemId());
        line.put("friendlyName", "Azure plan");
        line.put("quantity", 1);
        line.put("currencyCode", "JPY");
        line.put("billingCycle", cart.billingCycle());
        line.put("orderGroup", "0");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", cart.id());
        answer.put("lineItems", List.of(line));
        answer.put("attributes", Map.of("objectType", "Cart"));
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    /** 13605 without the MCA, 800065 for a cart already checked out (or unknown), else the pending order. */
    static ResponseEntity<?> checkout(SimulatedPartnerCenterState state, Customer customer, String cartId) {
        Cart cart = state.cart(cartId).filter(c -> c.customerId().equals(customer.id)).orElse(null);
        if (cart == null) {
            return SimulatedPartnerCenter.error(HttpStatus.BAD_REQUEST, "800065", "Can't check out an already submitted cart");
        }
        if (!customer.agreementAccepted) {
            return SimulatedPartnerCenter.error(HttpStatus.FORBIDDEN, "13605", "Either a partner confirmation of the customer"
                    + " acceptance of the Microsoft Customer Agreement must be provided or the customer must accept the"
                    + " Microsoft Customer Agreement in the Microsoft Admin Center before you can complete this purchase");
        }
        Order order = state.checkout(customer, cart).orElse(null);
        if (order == null) {
            return SimulatedPartnerCenter.error(HttpStatus.BAD_REQUEST, "800065", "Can't check out an already submitted cart");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineItemNumber", 0);
        line.put("offerId", cart.catalogItemId());
        line.put("friendlyName", "Azure plan");
        line.put("quantity", 1);
        line.put("transactionType", "New");
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("id", order.orderId());
        placed.put("referenceCustomerId", customer.id);
        placed.put("billingCycle", cart.billingCycle());
        placed.put("currencyCode", "JPY");
        placed.put("lineItems", List.of(line));
        placed.put("creationDate", order.orderedAt().toString());
        placed.put("status", "pending");
        placed.put("transactionType", "UserPurchase");
        placed.put("attributes", Map.of("objectType", "Order"));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orders", List.of(placed)));
    }

    /** The customer's subscriptions: its Azure plan once ordered. */
    static List<Map<String, Object>> subscriptions(Customer customer) {
        Order plan = customer.azurePlan;
        if (plan == null) {
            return List.of();
        }
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", plan.planSubscriptionId());
        subscription.put("offerId", SimulatedPartnerCenterState.AZURE_PLAN_ITEM);
        subscription.put("offerName", "Azure plan");
        subscription.put("friendlyName", "Azure plan");
        subscription.put("quantity", 1);
        subscription.put("creationDate", plan.orderedAt().toString());
        subscription.put("status", "active");
        subscription.put("orderId", plan.orderId());
        subscription.put("attributes", Map.of("objectType", "Subscription"));
        return List.of(subscription);
    }
}
