package io.opsflow.partnercenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.partnercenter.PartnerCenterApi.Call;

/**
 * The Azure plan purchase: an existing plan is reused; otherwise the catalogue item for the market
 * (product → SKU → availability), a cart with one line item, and its checkout. The cart and checkout
 * POSTs carry request ids derived from the caller's, so a re-run of the step replays Partner Center's
 * answers instead of ordering twice.
 */
final class AzurePlanOrdering {

    /** The Azure plan product in Partner Center's catalogue; its subscriptions' offer ids start with it. */
    static final String AZURE_PLAN_PRODUCT = "DZH318Z0BPS6";

    private static final Logger log = LoggerFactory.getLogger(AzurePlanOrdering.class);
    private static final String AVAILABILITY_NOT_FOUND = "400019";
    private static final String CART_ALREADY_SUBMITTED = "800065";

    private final PartnerCenterApi api;
    private final String billingCycle;

    AzurePlanOrdering(PartnerCenterApi api, String billingCycle) {
        this.api = api;
        this.billingCycle = billingCycle;
    }

    AzurePlanOrder order(String tenantId, String country, UUID requestId, UUID correlation) {
        Optional<JsonNode> existing = planSubscriptions(tenantId, correlation).stream().findFirst();
        if (existing.isPresent()) {
            return new AzurePlanOrder(PartnerCenterErrors.text(existing.get().path("orderId")),
                    AzurePlanOrder.Status.COMPLETED, true);
        }
        String cartId;
        try {
            cartId = createCart(tenantId, catalogItemId(country, correlation), requestId, correlation);
        } catch (PartnerCenterRejectedException e) {
            if (!AVAILABILITY_NOT_FOUND.equals(e.code())) {
                throw e;
            }
            log.warn("Partner Center no longer knows the Azure plan availability ({}); reading it again", e.getMessage());
            cartId = createCart(tenantId, catalogItemId(country, correlation),
                    HttpPartnerCenter.derived(requestId, "cart-after-" + AVAILABILITY_NOT_FOUND), correlation);
        }
        try {
            JsonNode result = api.json(Call.post("/v1/customers/{customer}/carts/{cart}/checkout", null, tenantId, cartId)
                    .ids(HttpPartnerCenter.derived(requestId, "checkout"), correlation));
            return order(result);
        } catch (PartnerCenterRejectedException e) {
            if (!CART_ALREADY_SUBMITTED.equals(e.code())) {
                throw e;
            }
            // An earlier run's checkout of this same cart went through: the order exists, its id is not in this answer.
            log.warn("Azure plan cart {} of customer {} was already checked out: the order is pending", cartId, tenantId);
            return new AzurePlanOrder(null, AzurePlanOrder.Status.PENDING, false);
        }
    }

    /** The Partner Center subscription ids of the customer's Azure plan (not Azure subscription ids). */
    List<String> planSubscriptionIds(String tenantId, UUID correlation) {
        return planSubscriptions(tenantId, correlation).stream().map(plan -> plan.path("id").asText()).toList();
    }

    private List<JsonNode> planSubscriptions(String tenantId, UUID correlation) {
        JsonNode subscriptions = api.json(Call.get("/v1/customers/{customer}/subscriptions", tenantId).ids(null, correlation));
        List<JsonNode> plans = new ArrayList<>();
        for (JsonNode subscription : subscriptions.path("items")) {
            boolean azurePlan = subscription.path("offerId").asText().startsWith(AZURE_PLAN_PRODUCT);
            if (azurePlan && !"deleted".equalsIgnoreCase(subscription.path("status").asText())) {
                plans.add(subscription);
            }
        }
        return plans;
    }

    /** Product → SKU → availability for the market; the availability's {@code catalogItemId} is what the cart takes. */
    private String catalogItemId(String country, UUID correlation) {
        JsonNode products = api.json(Call.get("/v1/products").query(Map.of("country", country, "targetView", "Azure"))
                .ids(null, correlation));
        String productId = null;
        for (JsonNode product : products.path("items")) {
            if (AZURE_PLAN_PRODUCT.equals(product.path("id").asText())) {
                productId = AZURE_PLAN_PRODUCT;
            }
        }
        if (productId == null) {
            throw notInCatalogue("product " + AZURE_PLAN_PRODUCT, country);
        }
        String skuId = first(api.json(Call.get("/v1/products/{product}/skus", productId).query(Map.of("country", country))
                .ids(null, correlation)), "id").orElseThrow(() -> notInCatalogue("SKU of " + AZURE_PLAN_PRODUCT, country));
        return first(api.json(Call.get("/v1/products/{product}/skus/{sku}/availabilities", productId, skuId)
                .query(Map.of("country", country)).ids(null, correlation)), "catalogItemId")
                .orElseThrow(() -> notInCatalogue("availability of " + AZURE_PLAN_PRODUCT + "/" + skuId, country));
    }

    private String createCart(String tenantId, String catalogItemId, UUID requestId, UUID correlation) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("Id", 0);
        lineItem.put("CatalogItemId", catalogItemId);
        lineItem.put("FriendlyName", "Azure plan");
        lineItem.put("Quantity", 1);
        lineItem.put("BillingCycle", billingCycle);
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("LineItems", List.of(lineItem));
        cart.put("Attributes", Map.of("ObjectType", "Cart"));
        JsonNode created = api.json(Call.post("/v1/customers/{customer}/carts", cart, tenantId).ids(requestId, correlation));
        return created.path("id").asText();
    }

    private static AzurePlanOrder order(JsonNode result) {
        JsonNode order = result.path("orders").path(0);
        if (order.isMissingNode()) {
            JsonNode error = result.path("orderErrors").path(0);
            String code = PartnerCenterErrors.code(error);
            String description = PartnerCenterErrors.text(error.path("description"));
            throw new PartnerCenterRejectedException("Azure plan checkout placed no order: " + code + " " + description,
                    201, code, description);
        }
        AzurePlanOrder.Status status = "completed".equalsIgnoreCase(order.path("status").asText())
                ? AzurePlanOrder.Status.COMPLETED : AzurePlanOrder.Status.PENDING;
        return new AzurePlanOrder(order.path("id").asText(), status, false);
    }

    private static Optional<String> first(JsonNode collection, String field) {
        return Optional.ofNullable(PartnerCenterErrors.text(collection.path("items").path(0).path(field)));
    }

    private static PartnerCenterRejectedException notInCatalogue(String what, String country) {
        return new PartnerCenterRejectedException("Partner Center's catalogue for " + country + " has no " + what
                + " (GET /v1/products?country=" + country + "&targetView=Azure)", 200, null, null);
    }
}
