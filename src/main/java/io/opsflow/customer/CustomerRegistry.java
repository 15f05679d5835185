package io.opsflow.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.api.ConflictException;
import io.opsflow.api.InvalidInputException;
import io.opsflow.api.NotFoundException;
import io.opsflow.validation.FieldProblem;

/**
 * The customers the MSP serves, each kept in step with its Camunda tenant. Other capabilities look
 * customers up here (by id, by Azure subscription, by Zabbix host group, by ServiceNow company); only this class writes.
 * <p>
 * {@link #find} answers from the copies of {@link RecentCustomers}.
 */
@Service
public class CustomerRegistry {

    private final CustomerRepository repository;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final RecentCustomers recent = new RecentCustomers();

    CustomerRegistry(CustomerRepository repository, IdentityService identityService, RuntimeService runtimeService,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    public List<Customer> findAll() {
        return repository.findAll().stream().map(this::withMembers).toList();
    }

    public Optional<Customer> find(String id) {
        return recent.find(id, () -> repository.findById(id).map(this::withMembers));
    }

    public Optional<Customer> findBySubscriptionId(String subscriptionId) {
        return repository.customerOfSubscription(subscriptionId).flatMap(this::find);
    }

    public Optional<Customer> findByZabbixHostGroup(String hostGroup) {
        return repository.customerOfHostGroup(hostGroup).flatMap(this::find);
    }

    /** The customer whose {@code servicenow.companySysId} is this {@code core_company} sys_id. */
    public Optional<Customer> findByServiceNowCompany(String companySysId) {
        return repository.customerOfServiceNowCompany(companySysId).flatMap(this::find);
    }

    public long count() {
        return repository.count();
    }

    /**
     * Validates and stores the customer, creates or renames its tenant and adds the listed tenant
     * members (memberships granted elsewhere, e.g. in Camunda Admin, are kept). Returns true if new.
     */
    @Transactional
    public boolean save(Customer customer) {
        List<FieldProblem> problems = new ArrayList<>(CustomerValidator.validate(customer));
        if (problems.isEmpty()) {
            problems.addAll(conflicts(customer));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid customer '" + customer.id() + "'", problems);
        }
        Customer previous = repository.findById(customer.id()).orElse(null);
        recent.forgetWhenDone(customer.id());
        boolean created;
        try {
            created = repository.upsert(customer);
        } catch (DuplicateKeyException e) {
            // Only a concurrent save of another customer gets past conflicts() to the unique keys.
            throw new ConflictException("Customer '" + customer.id() + "' claims a subscription, host group or ServiceNow company "
                    + "that another customer was given at the same moment; read the customers again and retry");
        }
        syncTenant(customer);
        events.publishEvent(new CustomerSaved(previous, customer));
        return created;
    }

    /** Removes a customer and its tenant; refused while the customer has running processes. */
    @Transactional
    public void delete(String id) {
        if (repository.findById(id).isEmpty()) {
            throw new NotFoundException("No customer '" + id + "'");
        }
        long running = runtimeService.createProcessInstanceQuery().tenantIdIn(id).count();
        if (running > 0) {
            throw new ConflictException("Customer '" + id + "' has " + running + " running process instances; end them first");
        }
        recent.forgetWhenDone(id);
        repository.delete(id);
        identityService.deleteTenant(id);
    }

    private List<FieldProblem> conflicts(Customer c) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> subscriptions = c.azure() == null ? List.of() : c.azure().subscriptionIds();
        for (int i = 0; i < subscriptions.size(); i++) {
            int index = i;
            repository.customerOfSubscription(subscriptions.get(i)).filter(owner -> !owner.equals(c.id()))
                    .ifPresent(owner -> problems.add(new FieldProblem("azure.subscriptionIds[" + index + "]",
                            "subscription " + subscriptions.get(index) + " already belongs to customer '" + owner + "'")));
        }
        List<String> hostGroups = c.zabbix() == null ? List.of() : c.zabbix().hostGroups();
        for (int i = 0; i < hostGroups.size(); i++) {
            int index = i;
            repository.customerOfHostGroup(hostGroups.get(i)).filter(owner -> !owner.equals(c.id()))
                    .ifPresent(owner -> problems.add(new FieldProblem("zabbix.hostGroups[" + index + "]",
                            "host group '" + hostGroups.get(index) + "' already belongs to customer '" + owner + "'")));
        }
        if (c.servicenow() != null) {
            repository.customerOfServiceNowCompany(c.servicenow().companySysId()).filter(owner -> !owner.equals(c.id()))
                    .ifPresent(owner -> problems.add(new FieldProblem("servicenow.companySysId",
                            "company " + c.servicenow().companySysId() + " already belongs to customer '" + owner + "'")));
        }
        problems.addAll(credentialConflicts(c));
        if (c.members() != null) {
            for (int i = 0; i < c.members().users().size(); i++) {
                if (identityService.createUserQuery().userId(c.members().users().get(i)).count() == 0) {
                    problems.add(new FieldProblem("members.users[" + i + "]", "no user '" + c.members().users().get(i) + "'"));
                }
            }
            for (int i = 0; i < c.members().groups().size(); i++) {
                if (identityService.createGroupQuery().groupId(c.members().groups().get(i)).count() == 0) {
                    problems.add(new FieldProblem("members.groups[" + i + "]", "no group '" + c.members().groups().get(i) + "'"));
                }
            }
        }
        return problems;
    }

    /**
     * A webhook credential shared by two customers would let either raise the other's alerts: each
     * customer needs its own token variable, and its own Secure Webhook audience within a tenant.
     */
    private List<FieldProblem> credentialConflicts(Customer c) {
        List<FieldProblem> problems = new ArrayList<>();
        Customer.MonitorWebhook monitor = c.azure() == null ? null : c.azure().monitorWebhook();
        String zabbixTokenEnv = c.zabbix() == null ? null : c.zabbix().tokenEnv();
        if (monitor != null && monitor.tokenEnv() != null) {
            if (monitor.tokenEnv().equals(zabbixTokenEnv)) {
                problems.add(new FieldProblem("zabbix.tokenEnv", "must differ from azure.monitorWebhook.tokenEnv: "
                        + "each webhook gets its own token"));
            }
            tokenEnvConflict(c, "azure.monitorWebhook.tokenEnv", monitor.tokenEnv()).ifPresent(problems::add);
        }
        if (zabbixTokenEnv != null) {
            tokenEnvConflict(c, "zabbix.tokenEnv", zabbixTokenEnv).ifPresent(problems::add);
        }
        if (monitor != null && !monitor.audiences().isEmpty()) {
            String tenant = monitor.tenantId() != null ? monitor.tenantId() : c.azure().tenantId();
            for (CustomerRepository.SecureWebhookAudiences other : repository.secureWebhookAudiences()) {
                if (other.customerId().equals(c.id()) || !tenant.equalsIgnoreCase(other.tenantId())) {
                    continue;
                }
                for (int i = 0; i < monitor.audiences().size(); i++) {
                    if (other.audiences().contains(monitor.audiences().get(i))) {
                        problems.add(new FieldProblem("azure.monitorWebhook.audiences[" + i + "]", "'" + monitor.audiences().get(i)
                                + "' of tenant " + tenant + " is already customer '" + other.customerId()
                                + "''s Secure Webhook audience: register one app per customer"));
                    }
                }
            }
        }
        return problems;
    }

    private Optional<FieldProblem> tokenEnvConflict(Customer c, String field, String variable) {
        return repository.customersWithTokenEnv(variable, c.id()).stream().findFirst()
                .map(owner -> new FieldProblem(field, "environment variable " + variable
                        + " already holds a webhook token of customer '" + owner + "': each customer needs its own"));
    }

    private void syncTenant(Customer c) {
        Tenant tenant = identityService.createTenantQuery().tenantId(c.id()).singleResult();
        if (tenant == null) {
            tenant = identityService.newTenant(c.id());
        }
        if (!c.displayName().equals(tenant.getName())) {
            tenant.setName(c.displayName());
            identityService.saveTenant(tenant);
        }
        if (c.members() == null) {
            return;
        }
        for (String user : c.members().users()) {
            if (identityService.createTenantQuery().tenantId(c.id()).userMember(user).count() == 0) {
                identityService.createTenantUserMembership(c.id(), user);
            }
        }
        for (String group : c.members().groups()) {
            if (identityService.createTenantQuery().tenantId(c.id()).groupMember(group).count() == 0) {
                identityService.createTenantGroupMembership(c.id(), group);
            }
        }
    }

    private Customer withMembers(Customer c) {
        List<String> users = identityService.createUserQuery().memberOfTenant(c.id()).orderByUserId().asc().list()
                .stream().map(u -> u.getId()).toList();
        List<String> groups = identityService.createGroupQuery().memberOfTenant(c.id()).orderByGroupId().asc().list()
                .stream().map(g -> g.getId()).toList();
        return c.withMembers(users.isEmpty() && groups.isEmpty() ? null : new Customer.Members(users, groups));
    }
}
