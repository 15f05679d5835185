package io.opsflow.partnercenter;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;
import io.opsflow.partnercenter.PartnerCenterApi.Call;

/**
 * {@link PartnerCenter} over the Partner Center REST API (App+User). Creating calls send the caller's
 * {@code requestId} as {@code MS-RequestId} on every attempt, and the calls of one step share an
 * {@code MS-CorrelationId} derived from it. The one-time administrator credentials of a new customer
 * are never read out of the answer.
 */
public final class HttpPartnerCenter implements PartnerCenter {

    static final String MCA = "MicrosoftCustomerAgreement";

    // onmicrosoft.com prefixes are letters and digits; checking keeps caller input out of the path.
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final DateTimeFormatter DATE_AGREED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerCenterApi api;
    private final AzurePlanOrdering azurePlan;

    /** The adapter outside Spring (process tests against WireMock), wired as {@code PartnerCenterConfiguration} wires it. */
    public static HttpPartnerCenter of(OutboundClient outbound, PartnerCenterProperties properties, PartnerCenterEndpoint endpoint,
            Timing timing) {
        return PartnerCenterConfiguration.create(outbound, properties, () -> endpoint, timing);
    }

    HttpPartnerCenter(PartnerCenterApi api, PartnerCenterProperties properties) {
        this.api = api;
        this.azurePlan = new AzurePlanOrdering(api, properties.azurePlanBillingCycle());
    }

    @Override
    public boolean domainAvailable(String domainPrefix) {
        return api.call(Call.head("/v1/domains/{domain}", Set.of(404), domain(domainPrefix)), answer -> answer.status() == 404);
    }

    /**
     * {@code GET /v1/customers?filter=...}: the customers endpoint filters only with {@code starts_with};
     * the answer is narrowed to the exact domain here.
     */
    @Override
    public Optional<PartnerCustomer> customerByDomain(String domainPrefix) {
        String domain = domain(domainPrefix);
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("Field", "Domain");
        filter.put("Value", domain);
        filter.put("Operator", "starts_with");
        JsonNode customers = api.json(Call.get("/v1/customers").query(Map.of("filter", write(filter))));
        for (JsonNode customer : customers.path("items")) {
            if (domain.equalsIgnoreCase(customer.path("companyProfile").path("domain").asText())) {
                return Optional.of(customer(customer));
            }
        }
        return Optional.empty();
    }

    @Override
    public PartnerCustomer createCustomer(NewPartnerCustomer customer, UUID requestId) {
        NewPartnerCustomer.Address address = customer.address();
        Map<String, Object> defaultAddress = new LinkedHashMap<>();
        defaultAddress.put("FirstName", address.firstName());
        defaultAddress.put("LastName", address.lastName());
        defaultAddress.put("AddressLine1", address.addressLine1());
        defaultAddress.put("City", address.city());
        defaultAddress.put("State", address.state());
        defaultAddress.put("PostalCode", address.postalCode());
        defaultAddress.put("Country", address.country());
        defaultAddress.put("PhoneNumber", address.phoneNumber());
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("Culture", customer.culture());
        billing.put("Email", customer.email());
        billing.put("Language", customer.language());
        billing.put("CompanyName", customer.companyName());
        billing.put("DefaultAddress", defaultAddress);
        Map<String, Object> body = new LinkedHashMap<>();
        // GDAP relationships are requested separately, with the roles the MSP chooses.
        body.put("enableGDAPByDefault", false);
        body.put("CompanyProfile", Map.of("Domain", domain(customer.domainPrefix())));
        body.put("BillingProfile", billing);
        return customer(api.json(Call.post("/v1/customers", body).ids(requestId, correlation(requestId))));
    }

    @Override
    public void confirmCustomerAgreement(String customerTenantId, AgreementAcceptance acceptance, UUID requestId) {
        UUID correlation = correlation(requestId);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("firstName", acceptance.firstName());
        contact.put("lastName", acceptance.lastName());
        contact.put("email", acceptance.email());
        contact.put("phoneNumber", acceptance.phoneNumber());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryContact", contact);
        body.put("templateId", mcaTemplateId(correlation));
        body.put("dateAgreed", DATE_AGREED.format(acceptance.acceptedOn().atStartOfDay(ZoneOffset.UTC)));
        body.put("type", MCA);
        api.json(Call.post("/v1/customers/{customer}/agreements", body, tenantId(customerTenantId))
                .ids(requestId, correlation));
    }

    @Override
    public AzurePlanOrder orderAzurePlan(String customerTenantId, String country, UUID requestId) {
        return azurePlan.order(tenantId(customerTenantId), country, requestId, correlation(requestId));
    }

    @Override
    public List<AzureEntitlement> azureSubscriptions(String customerTenantId) {
        String tenantId = tenantId(customerTenantId);
        UUID correlation = UUID.randomUUID();
        List<AzureEntitlement> entitlements = new ArrayList<>();
        for (String planId : azurePlan.planSubscriptionIds(tenantId, correlation)) {
            JsonNode items = api.json(Call.get("/v1/customers/{customer}/subscriptions/{subscription}/azureEntitlements",
                    tenantId, planId).ids(null, correlation));
            for (JsonNode item : items.path("items")) {
                entitlements.add(new AzureEntitlement(item.path("id").asText(), PartnerCenterErrors.text(item.path("friendlyName")),
                        status(item.path("status").asText())));
            }
        }
        return entitlements;
    }

    /** The current MCA template: the entry of the agreement metadata with the lowest {@code versionRank} (0 = current). */
    private String mcaTemplateId(UUID correlation) {
        JsonNode metadata = api.json(Call.get("/v1/agreements").query(Map.of("agreementType", MCA)).ids(null, correlation));
        JsonNode current = null;
        for (JsonNode item : metadata.path("items")) {
            if (current == null || item.path("versionRank").asInt() < current.path("versionRank").asInt()) {
                current = item;
            }
        }
        if (current == null || PartnerCenterErrors.text(current.path("templateId")) == null) {
            throw new PartnerCenterUnavailableException("GET /v1/agreements?agreementType=" + MCA
                    + " listed no template", 200, null, null, null);
        }
        return current.path("templateId").asText();
    }

    private static PartnerCustomer customer(JsonNode customer) {
        String companyName = PartnerCenterErrors.text(customer.path("billingProfile").path("companyName"));
        if (companyName == null) {
            companyName = PartnerCenterErrors.text(customer.path("companyProfile").path("companyName"));
        }
        return new PartnerCustomer(customer.path("id").asText(), customer.path("companyProfile").path("domain").asText(),
                companyName);
    }

    private static AzureEntitlement.Status status(String status) {
        return switch (status.toLowerCase()) {
            case "active" -> AzureEntitlement.Status.ACTIVE;
            case "suspended" -> AzureEntitlement.Status.SUSPENDED;
            default -> AzureEntitlement.Status.OTHER;
        };
    }

    /** The correlation id of one step: the same on a re-run, so Partner Center's logs tie the attempts together. */
    static UUID correlation(UUID requestId) {
        return derived(requestId, "correlation");
    }

    static UUID derived(UUID requestId, String step) {
        return UUID.nameUUIDFromBytes((requestId + "/" + step).getBytes(StandardCharsets.UTF_8));
    }

    static String domain(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Not an onmicrosoft.com prefix: " + prefix);
        }
        return prefix.toLowerCase() + ".onmicrosoft.com";
    }

    static String tenantId(String tenantId) {
        try {
            return UUID.fromString(tenantId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Not a customer tenant id: " + tenantId, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
