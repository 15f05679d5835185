package io.opsflow.partnercenter;

/** A customer of the partner: its tenant id (= Partner Center customer id) and domain. */
public record PartnerCustomer(String tenantId, String domain, String companyName) {
}
