package io.opsflow.report;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.opsflow.api.ForbiddenException;
import io.opsflow.api.NotFoundException;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.security.Roles;

/**
 * Who reads which customer's figures, checked on the server for every surface (JSON, CSV, the page's
 * calls): administrators any customer, managers the customers (tenants) they are members of, directly
 * or through a group. The URL only decides which customer is asked for, never whether it may be.
 */
@Component
class ReportAccess {

    private final IdentityService identity;
    private final CustomerRegistry customers;
    private final MessageSource messages;

    ReportAccess(IdentityService identity, CustomerRegistry customers, MessageSource messages) {
        this.identity = identity;
        this.customers = customers;
        this.messages = messages;
    }

    void check(Authentication caller, String customerId) {
        if (!mayRead(caller, customerId, Roles.MANAGER)) {
            throw new ForbiddenException(text("report.access.forbidden", customerId));
        }
    }

    /** The issued monthly reports: also the customer's operators, who review them before they are sent. */
    void checkIssued(Authentication caller, String customerId) {
        if (!mayRead(caller, customerId, Roles.MANAGER, Roles.OPERATOR)) {
            throw new ForbiddenException(text("report.access.issuedForbidden", customerId));
        }
    }

    private boolean mayRead(Authentication caller, String customerId, String... roles) {
        if (customers.find(customerId).isEmpty()) {
            throw new NotFoundException(text("report.access.noCustomer", customerId));
        }
        if (has(caller, Roles.ADMIN)) {
            return true;
        }
        boolean member = identity.createTenantQuery().tenantId(customerId).userMember(caller.getName()).includingGroupsOfUser(true)
                .count() > 0;
        return member && java.util.Arrays.stream(roles).anyMatch(role -> has(caller, role));
    }

    /** The customers the caller may read, for the page's customer filter. */
    List<Customer> readable(Authentication caller) {
        if (has(caller, Roles.ADMIN)) {
            return customers.findAll();
        }
        if (!has(caller, Roles.MANAGER)) {
            return List.of();
        }
        Set<String> tenants = identity.createTenantQuery().userMember(caller.getName()).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).collect(Collectors.toSet());
        return customers.findAll().stream().filter(c -> tenants.contains(c.id())).toList();
    }

    /** In the caller's language (Accept-Language): the reports page shows the reason as it comes. */
    private String text(String key, Object... args) {
        return new Messages.Texts(messages, Messages.locale(LocaleContextHolder.getLocale().getLanguage())).text(key, args);
    }

    private static boolean has(Authentication caller, String role) {
        return caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
