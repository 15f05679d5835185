package io.opsflow.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.sandbox.SimulatedPartnerCenterState.Customer;

/**
 * Partner Center for sandbox mode under {@code /sandbox/partner-center}: the App+User token endpoint
 * ({@code /login/{tenant}/oauth2/token}) and the REST calls the customer intake makes, with the
 * documented shapes and error envelope {@code {code, description}}. Any Bearer token is accepted.
 * Checkout without a confirmed Microsoft Customer Agreement answers 403 13605, as Partner Center does.
 */
@RestController
@RequestMapping(path = SimulatedPartnerCenter.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnSandbox
class SimulatedPartnerCenter {

    static final String PREFIX = "/sandbox/partner-center";
    static final String LOGIN = PREFIX + "/login";
    static final String MCA_TEMPLATE = "117a77b0-9360-443b-8795-c6dedc750cf9";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedPartnerCenterState state;

    SimulatedPartnerCenter(SimulatedPartnerCenterState state) {
        this.state = state;
    }

    @PostMapping(path = "/login/{tenant}/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> token(@RequestParam("grant_type") String grantType, @RequestParam(name = "refresh_token", defaultValue = "") String refreshToken,
                            @RequestParam(name = "resource", defaultValue = "") String resource) {
        if (!"refresh_token".equals(grantType) || refreshToken.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_grant", "error_description",
                    "AADSTS9002313: Invalid request: the sandbox takes grant_type=refresh_token with a refresh_token.", "error_codes", List.of(9002313)));
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("token_type", "Bearer");
        token.put("scope", "user_impersonation");
        token.put("expires_in", "3599");
        token.put("expires_on", String.valueOf(now + 3599));
        token.put("resource", resource);
        token.put("access_token", "sandbox-partner-center-" + now);
        return ResponseEntity.ok(token);
    }

    @RequestMapping(path = "/v1/domains/{domain}", method = RequestMethod.HEAD)
    ResponseEntity<Void> domain(@PathVariable String domain) {
        return ResponseEntity.status(state.domainTaken(domain) ? HttpStatus.OK : HttpStatus.NOT_FOUND).build();
    }

    @GetMapping("/v1/customers")
    ResponseEntity<?> customers(@RequestParam(name = "filter", defaultValue = "{}") String filter) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(filter);
        } catch (JsonProcessingException e) {
            return error(HttpStatus.BAD_REQUEST, "800002", "The filter is not JSON");
        }
        String prefix = parsed.path("Value").asText("");
        return ResponseEntity.ok(collection(state.customersWithDomainStarting(prefix).stream().map(SimulatedPartnerCenter::customer).toList()));
    }

    @PostMapping(path = "/v1/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> createCustomer(@RequestHeader(name = "MS-RequestId", required = false) String requestId,
                                     @RequestBody JsonNode body) {
        return state.replay("customer", requestId, () -> {
            String domain = body.path("CompanyProfile").path("Domain").asText("");
            JsonNode billing = body.path("BillingProfile");
            if (!domain.endsWith(".onmicrosoft.com") || billing.path("CompanyName").asText("").isBlank()) {
                return error(HttpStatus.BAD_REQUEST, "800002", "CompanyProfile.Domain (*.onmicrosoft.com) and BillingProfile.CompanyName are required");
            }
            if (state.domainTaken(domain)) {
                return error(HttpStatus.CONFLICT, "800002", "The domain " + domain + " is already in use");
            }
            Customer customer = state.create(domain, billing.path("CompanyName").asText(), camelCase(billing));
            Map<String, Object> answer = customer(customer);
            // One-time credentials, as Partner Center answers them: the adapter must drop them.
            answer.put("userCredentials", Map.of("userName", "admin", "password", "sandbox-one-time-password"));
            return ResponseEntity.status(HttpStatus.CREATED).body(answer);
        });
    }

    @GetMapping("/v1/customers/{customerId}")
    ResponseEntity<?> getCustomer(@PathVariable String customerId) {
        return state.customer(customerId).<ResponseEntity<?>>map(c -> ResponseEntity.ok(customer(c))).orElseGet(() -> notFound(customerId));
    }

    @GetMapping("/v1/agreements")
    Map<String, Object> agreementMetadata(@RequestParam(name = "agreementType", defaultValue = "") String type) {
        return collection(List.of(Map.of("templateId", MCA_TEMPLATE, "agreementType", "MicrosoftCustomerAgreement",
                "agreementLink", "https://aka.ms/customeragreement", "versionRank", 0)));
    }

    @PostMapping(path = "/v1/customers/{customerId}/agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> confirmAgreement(@PathVariable String customerId, @RequestBody Map<String, Object> body) {
        Customer customer = state.customer(customerId).orElse(null);
        if (customer == null) {
            return notFound(customerId);
        }
        if (!MCA_TEMPLATE.equals(body.get("templateId")) || !(body.get("primaryContact") instanceof Map)) {
            return error(HttpStatus.BAD_REQUEST, "800002", "templateId of the current agreement and primaryContact are required");
        }
        customer.agreementAccepted = true;
        Map<String, Object> answer = new LinkedHashMap<>(body);
        answer.put("userId", SimulatedPartnerCenterState.uuid("user/" + customerId));
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    /** The catalogue walk of the Azure plan, for any market. */
    @GetMapping("/v1/products")
    Map<String, Object> products(@RequestParam String country, @RequestParam String targetView) {
        return collection(List.of(Map.of("id", "DZH318Z0BPS6", "title", "Azure plan", "productType", Map.of("id", "Azure"))));
    }

    @GetMapping("/v1/products/{productId}/skus")
    Map<String, Object> skus(@PathVariable String productId, @RequestParam String country) {
        return collection(List.of(Map.of("id", "0001", "productId", productId, "title", "Azure plan")));
    }

    @GetMapping("/v1/products/{productId}/skus/{skuId}/availabilities")
    Map<String, Object> availabilities(@PathVariable String productId, @PathVariable String skuId, @RequestParam String country) {
        return collection(List.of(Map.of("id", "DZH318Z0BML6", "productId", productId, "skuId", skuId,
                "catalogItemId", SimulatedPartnerCenterState.AZURE_PLAN_ITEM, "country", country)));
    }

    @PostMapping(path = "/v1/customers/{customerId}/carts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> createCart(@PathVariable String customerId, @RequestHeader(name = "MS-RequestId", required = false) String requestId,
                                 @RequestBody JsonNode body) {
        if (state.customer(customerId).isEmpty()) {
            return notFound(customerId);
        }
        JsonNode line = body.path("LineItems").path(0);
        if (!SimulatedPartnerCenterState.AZURE_PLAN_ITEM.equals(line.path("CatalogItemId").asText())) {
            return error(HttpStatus.BAD_REQUEST, "400019", "Catalog availability not found");
        }
        return SimulatedPartnerCenterCarts.created(state.cart(customerId, line.path("CatalogItemId").asText(),
                line.path("BillingCycle").asText(), requestId));
    }

    @PostMapping("/v1/customers/{customerId}/carts/{cartId}/checkout")
    ResponseEntity<?> checkout(@PathVariable String customerId, @PathVariable String cartId,
                               @RequestHeader(name = "MS-RequestId", required = false) String requestId) {
        Customer customer = state.customer(customerId).orElse(null);
        if (customer == null) {
            return notFound(customerId);
        }
        return state.replay("checkout", requestId, () -> SimulatedPartnerCenterCarts.checkout(state, customer, cartId));
    }

    @GetMapping("/v1/customers/{customerId}/subscriptions")
    ResponseEntity<?> subscriptions(@PathVariable String customerId) {
        return state.customer(customerId).<ResponseEntity<?>>map(c -> ResponseEntity.ok(collection(SimulatedPartnerCenterCarts.subscriptions(c))))
                .orElseGet(() -> notFound(customerId));
    }

    @GetMapping("/v1/customers/{customerId}/subscriptions/{subscriptionId}/azureEntitlements")
    ResponseEntity<?> azureEntitlements(@PathVariable String customerId, @PathVariable String subscriptionId) {
        Customer customer = state.customer(customerId).orElse(null);
        if (customer == null) {
            return notFound(customerId);
        }
        List<Map<String, Object>> items = state.azureSubscriptions(customer, subscriptionId).stream()
                .map(id -> Map.<String, Object>of("id", id, "friendlyName", "Microsoft Azure", "status", "active", "subscriptionId", subscriptionId))
                .toList();
        return ResponseEntity.ok(collection(items));
    }

    static Map<String, Object> collection(List<?> items) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("totalCount", items.size());
        collection.put("items", items);
        collection.put("attributes", Map.of("objectType", "Collection"));
        return collection;
    }

    private static Map<String, Object> customer(Customer customer) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", customer.id);
        answer.put("companyProfile", Map.of("tenantId", customer.id, "domain", customer.domain, "companyName", customer.companyName,
                "attributes", Map.of("objectType", "CustomerCompanyProfile")));
        answer.put("billingProfile", customer.billingProfile);
        answer.put("relationshipToPartner", "reseller");
        answer.put("attributes", Map.of("objectType", "Customer"));
        return answer;
    }

    /** Partner Center reads PascalCase and answers camelCase: the request's object with its keys' first letters lowered. */
    private static Object camelCase(JsonNode node) {
        if (!node.isObject()) {
            return JSON.convertValue(node, Object.class);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> object.put(Character.toLowerCase(field.getKey().charAt(0))
                + field.getKey().substring(1), camelCase(field.getValue())));
        return object;
    }

    private static ResponseEntity<?> notFound(String customerId) {
        return error(HttpStatus.NOT_FOUND, "600008", "The customer " + customerId + " was not found");
    }

    static ResponseEntity<?> error(HttpStatus status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("description", description);
        body.put("data", List.of());
        body.put("source", "PartnerCenterSandbox");
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).body(body);
    }
}
