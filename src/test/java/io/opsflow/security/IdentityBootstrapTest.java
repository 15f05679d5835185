package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.opsflow.OpsflowSpringTest;

@OpsflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityBootstrapTest {

    @Autowired
    IdentityBootstrap bootstrap;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;

    @Test
    void theConfiguredAdministratorExistsWithAllRights() {
        assertThat(identityService.checkPassword("admin", io.opsflow.OpsflowSpringTest.ADMIN_PASSWORD)).isTrue();
        assertThat(identityService.createUserQuery().userId("demo").count()).isZero();
        assertThat(authorizationService.isUserAuthorized("admin", List.of(Roles.ADMIN_GROUP), Permissions.ALL, Resources.TENANT)).isTrue();
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverLogged(CapturedOutput output) {
        assertThat(bootstrap.ensureAdmin("admin-set", "A-Password-From-The-Environment-7")).isNull();
        assertThat(identityService.checkPassword("admin-set", "A-Password-From-The-Environment-7")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.ADMIN_GROUP).userId("admin-set").count()).isOne();
        assertThat(output.getAll()).contains("Created administrator 'admin-set'").doesNotContain("A-Password-From-The-Environment-7");
    }

    @Test
    void aConfiguredPasswordThePolicyRefusesStopsTheStartSayingWhy(CapturedOutput output) {
        assertThatThrownBy(() -> bootstrap.ensureAdmin("admin-weak", "weakpassword"))
                .isInstanceOf(AdminPasswordPolicyException.class)
                .hasMessageContaining("OPSFLOW_ADMIN_PASSWORD does not satisfy the password policy for the administrator 'admin-weak'")
                .hasMessageContaining("at least 1 upper-case letter(s)")
                .hasMessageContaining("at least 1 digit(s)")
                .hasMessageContaining("at least 1 special character(s)")
                .hasMessageNotContaining("weakpassword");
        assertThatThrownBy(() -> bootstrap.ensureAdmin("admin-weak", "Admin-Weak-Password-1"))
                .hasMessageContaining("not containing the user id");
        assertThat(identityService.createUserQuery().userId("admin-weak").count()).as("nothing created").isZero();
        assertThat(output.getAll()).doesNotContain("weakpassword");

        FailureAnalysis analysis = new AdminPasswordPolicyFailureAnalyzer().analyze(new IllegalStateException(
                new AdminPasswordPolicyException("admin", identityService.checkPasswordAgainstPolicy("short").getViolatedRules())));
        assertThat(analysis.getDescription()).contains("at least 10 characters");
        assertThat(analysis.getAction()).contains("OPSFLOW_ADMIN_PASSWORD");
    }

    @Test
    void usersCannotBeGivenWeakPasswords() {
        User weak = identityService.newUser("policy-weak");
        weak.setPassword("password");
        assertThatThrownBy(() -> identityService.saveUser(weak)).hasMessageContaining("policy");
    }

    @Test
    void aMissingPasswordIsGeneratedStrongAndShownOnlyOnce(CapturedOutput output) {
        String generated = bootstrap.ensureAdmin("admin-generated", null);
        assertThat(generated).hasSize(24).matches("[A-Za-z0-9._+=%-]+")
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[._+=%-]");
        assertThat(identityService.checkPasswordAgainstPolicy(generated, identityService.createUserQuery()
                .userId("admin-generated").singleResult()).isValid()).isTrue();
        assertThat(bootstrap.ensureAdmin("a", null)).as("even for a one-letter id").doesNotContainIgnoringCase("a");
        assertThat(identityService.checkPassword("admin-generated", generated)).isTrue();
        assertThat(output.getAll()).contains("generated password").contains(generated);

        int before = output.getAll().length();
        assertThat(bootstrap.ensureAdmin("admin-generated", null)).as("second start").isNull();
        assertThat(output.getAll().substring(before)).doesNotContain(generated);
        assertThat(identityService.checkPassword("admin-generated", generated)).as("password unchanged").isTrue();
        assertThat(bootstrap.ensureAdmin("admin-other", null)).isNotEqualTo(generated);
    }

    @Test
    void roleGroupsHaveTheirApplicationsOnly() {
        assertThat(canAccess(Roles.OPERATORS_GROUP, "tasklist")).isTrue();
        assertThat(canAccess(Roles.OPERATORS_GROUP, "cockpit")).isFalse();
        assertThat(canAccess(Roles.OPERATORS_GROUP, "admin")).isFalse();
        assertThat(canAccess(Roles.MANAGERS_GROUP, "cockpit")).isTrue();
        assertThat(canAccess(Roles.MANAGERS_GROUP, "admin")).isFalse();
        assertThat(canAccess(Roles.DESIGN_TEAM_GROUP, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("x", List.of(Roles.MANAGERS_GROUP), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(authorizationService.isUserAuthorized("x", List.of(Roles.OPERATORS_GROUP), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isFalse();
        // No blanket task or start rights: those come from candidate groups and candidate starter groups.
        for (String group : List.of(Roles.OPERATORS_GROUP, Roles.MANAGERS_GROUP, Roles.DESIGN_TEAM_GROUP)) {
            assertThat(authorizationService.isUserAuthorized("x", List.of(group), Permissions.TASK_WORK, Resources.TASK)).as(group).isFalse();
            assertThat(authorizationService.isUserAuthorized("x", List.of(group), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "incident-coordination")).as(group).isFalse();
            assertThat(authorizationService.isUserAuthorized("x", List.of(group), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "smoke-test")).as(group).isTrue();
        }
        assertThat(authorizationService.isUserAuthorized("x", List.of(Roles.MANAGERS_GROUP),
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB, Resources.PROCESS_DEFINITION)).isTrue();
    }

    @Test
    void tasklistFiltersAreSharedWithTheRoleGroups() {
        assertThat(filterService.createFilterQuery().list()).extracting(f -> f.getName())
                .contains("自分のタスク / My tasks", "グループのタスク / My group tasks");
        String filterId = filterService.createFilterQuery().filterName("グループのタスク / My group tasks").singleResult().getId();
        assertThat(authorizationService.isUserAuthorized("x", List.of(Roles.OPERATORS_GROUP), Permissions.READ, Resources.FILTER, filterId)).isTrue();
    }

    private boolean canAccess(String group, String application) {
        return authorizationService.isUserAuthorized("x", List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
    }
}
