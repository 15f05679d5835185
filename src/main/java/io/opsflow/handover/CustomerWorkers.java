package io.opsflow.handover;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.opsflow.security.Roles;

/**
 * Who works for a customer, as the handover's APIs check it: administrators, and members of the
 * customer's tenant (directly or through a group: its operators and design team). The URL names a
 * customer; it does not grant it.
 */
@Component
class CustomerWorkers {

    private final IdentityService identity;

    CustomerWorkers(IdentityService identity) {
        this.identity = identity;
    }

    boolean worksFor(Authentication caller, String customer) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
        return admin || identity.createTenantQuery().tenantId(customer).userMember(caller.getName()).includingGroupsOfUser(true).count() > 0;
    }
}
