package io.opsflow.partnercenter;

/**
 * A customer to create: its company, its {@code <domainPrefix>.onmicrosoft.com} domain, and the billing
 * contact and address Partner Center validates.
 *
 * @param culture  e.g. {@code ja-JP}
 * @param language two letters, e.g. {@code ja}
 */
public record NewPartnerCustomer(String companyName, String domainPrefix, String email, String culture, String language,
        Address address) {

    /** Country as ISO 3166 alpha-2 ({@code JP}). */
    public record Address(String firstName, String lastName, String addressLine1, String city, String state,
            String postalCode, String country, String phoneNumber) {
    }
}
