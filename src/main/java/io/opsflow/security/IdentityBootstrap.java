package io.opsflow.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import io.opsflow.deployment.StartupLock;

/**
 * Creates on first start what a fresh opsflow needs to be used safely: the role groups with their
 * authorizations, the Tasklist filters, and one administrator. Existing entries are left alone, so
 * what an administrator changes in Camunda Admin survives restarts.
 */
@Component
public class IdentityBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    /** One class each for Camunda's password policy; no look-alikes, no characters a shell or YAML treats specially. */
    private static final List<String> PASSWORD_CLASSES = List.of(
            "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "-_.+=%");
    private static final String PASSWORD_ALPHABET = String.join("", PASSWORD_CLASSES);
    private static final int GENERATED_PASSWORD_LENGTH = 24;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final StartupLock startupLock;
    private final AdminProperties admin;
    private final SecureRandom random = new SecureRandom();

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
                      FilterService filterService, TaskService taskService, StartupLock startupLock,
                      AdminProperties admin) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.startupLock = startupLock;
        this.admin = admin;
    }

    @Override
    public void afterPropertiesSet() {
        startupLock.runExclusively(() -> {
            RoleGrants.ALL.forEach(this::ensureGroup);
            RoleGrants.WITHDRAWN.forEach(this::withdraw);
            ensureAdmin(admin.user(), admin.password());
            ensureTaskFilters();
        });
    }

    /**
     * Creates the administrator unless the user exists. Returns the password only when it was
     * generated, so a caller can tell; it is logged exactly once, on the start that made it.
     */
    public String ensureAdmin(String userId, String configuredPassword) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return null;
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        User user = identityService.newUser(userId);
        user.setFirstName("opsflow");
        user.setLastName("Administrator");
        String password = generate ? generatePassword(user) : checkedAgainstPolicy(configuredPassword, user);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
        if (!generate) {
            log.info("Created administrator '{}' with the password from OPSFLOW_ADMIN_PASSWORD", userId);
            return null;
        }
        log.warn("""

                ==================================================================================
                  opsflow created the administrator '{}' with this generated password:

                      {}

                  It is shown only this once. Log in at /camunda/app/ and change it in Admin,
                  or set OPSFLOW_ADMIN_PASSWORD before the first start next time.
                ==================================================================================""",
                userId, password);
        return password;
    }

    private void ensureGroup(RoleGrants role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
            Group group = identityService.newGroup(role.groupId());
            group.setName(role.name());
            group.setType(role.type());
            identityService.saveGroup(group);
        }
        role.grants().forEach(grant -> ensureGrant(role.groupId(), grant.resource(), grant.resourceId(), grant.permissions()));
    }

    /** Removes one permission a group holds on all resources of a type; its other permissions stay. */
    private void withdraw(RoleGrants.Withdrawn withdrawn) {
        for (Authorization grant : authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(withdrawn.groupId()).resourceType(withdrawn.resource()).resourceId(Authorization.ANY).list()) {
            if (grant.isPermissionGranted(withdrawn.permission())) {
                grant.removePermission(withdrawn.permission());
                authorizationService.saveAuthorization(grant);
                log.info("Withdrew {} on every {} from group '{}'", withdrawn.permission().getName(),
                        withdrawn.resource().resourceName(), withdrawn.groupId());
            }
        }
    }

    void ensureGrant(String groupId, Resource resource, String resourceId, List<? extends Permission> permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        permissions.forEach(grant::addPermission);
        authorizationService.saveAuthorization(grant);
    }

    private void ensureTaskFilters() {
        ensureTaskFilter("自分のタスク / My tasks", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureTaskFilter("グループのタスク / My group tasks", -5,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        // Everything the user may see (authorizations and tenants still apply): for managers and administrators.
        ensureTaskFilter("すべてのタスク / All tasks", 0, taskService.createTaskQuery(), List.of(Roles.MANAGERS_GROUP));
    }

    private void ensureTaskFilter(String name, int priority, TaskQuery query) {
        ensureTaskFilter(name, priority, query, List.of(Roles.OPERATORS_GROUP, Roles.MANAGERS_GROUP, Roles.DESIGN_TEAM_GROUP));
    }

    private void ensureTaskFilter(String name, int priority, TaskQuery query, List<String> groups) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setOwner(admin.user())
                .setProperties(Map.of("priority", priority, "refresh", true,
                        "description", "opsflow"))
                .setQuery(query);
        filterService.saveFilter(filter);
        for (String group : groups) {
            ensureGrant(group, Resources.FILTER, filter.getId(), List.of(Permissions.READ));
        }
    }

    /**
     * One character of each class, the rest from all of them, shuffled; drawn again in the rare
     * case the engine's policy still refuses it (it contains the user id, e.g. a one-letter id).
     */
    private String generatePassword(User user) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<Character> characters = new java.util.ArrayList<>(GENERATED_PASSWORD_LENGTH);
            for (String characterClass : PASSWORD_CLASSES) {
                characters.add(characterClass.charAt(random.nextInt(characterClass.length())));
            }
            while (characters.size() < GENERATED_PASSWORD_LENGTH) {
                characters.add(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            java.util.Collections.shuffle(characters, random);
            StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
            characters.forEach(password::append);
            if (identityService.getPasswordPolicy() == null
                    || identityService.checkPasswordAgainstPolicy(password.toString(), user).isValid()) {
                return password.toString();
            }
        }
        throw new IllegalStateException("No generated password satisfies the password policy for user '" + user.getId()
                + "'; set OPSFLOW_ADMIN_PASSWORD");
    }

    /** Refuses the start with every rule the configured password breaks, instead of the engine's bare refusal. */
    private String checkedAgainstPolicy(String password, User user) {
        if (identityService.getPasswordPolicy() == null) {
            return password;
        }
        PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
        if (!result.isValid()) {
            throw new AdminPasswordPolicyException(user.getId(), result.getViolatedRules());
        }
        return password;
    }
}
