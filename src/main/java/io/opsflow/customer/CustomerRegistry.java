package io.opsflow.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.system.ConflictException;
import io.opsflow.system.FieldProblem;
import io.opsflow.system.InvalidInputException;
import io.opsflow.system.NotFoundException;

/**
 * The customers the MSP serves, each kept in step with its Camunda tenant. Other capabilities look
 * customers up here (by id, by Azure subscription, by Zabbix host group, by ServiceNow company); only this class writes.
 */
@Service
public class CustomerRegistry {

    private final CustomerRepository repository;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    CustomerRegistry(CustomerRepository repository, IdentityService identityService, RuntimeService runtimeService) {
        this.repository = repository;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    public List<Customer> findAll() {
        return repository.findAll().stream().map(this::withMembers).toList();
    }

    public Optional<Customer> find(String id) {
        return repository.findById(id).map(this::withMembers);
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
        boolean created = repository.upsert(customer);
        syncTenant(customer);
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
        return new Customer(c.id(), c.displayName(), c.locale(), c.azure(), c.servicenow(), c.zabbix(), c.slack(), c.sla(),
                users.isEmpty() && groups.isEmpty() ? null : new Customer.Members(users, groups));
    }
}
