package io.opsflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates users for tests, idempotently, so tests sharing a context do not collide. */
@Component
public class TestIdentities {

    public static final String PASSWORD = "Test-Only-User-Secret-2";

    private final IdentityService identityService;

    TestIdentities(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void user(String userId, List<String> groups, List<String> tenants) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identityService.createMembership(userId, group);
            }
        }
        for (String tenant : tenants) {
            if (identityService.createTenantQuery().tenantId(tenant).userMember(userId).count() == 0) {
                identityService.createTenantUserMembership(tenant, userId);
            }
        }
    }
}
