package io.opsflow.customerintake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.opsflow.partnercenter.PartnerCenter;

/** Partner Center when {@code opsflow.partner-center} is configured (or simulated); the intake asks a person otherwise. */
@Component
class PartnerCenterAccess {

    private final ObjectProvider<PartnerCenter> partnerCenter;

    PartnerCenterAccess(ObjectProvider<PartnerCenter> partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    boolean configured() {
        return partnerCenter.getIfAvailable() != null;
    }

    PartnerCenter get() {
        PartnerCenter client = partnerCenter.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("Partner Center is not configured (opsflow.partner-center.partner-tenant-id)");
        }
        return client;
    }
}
