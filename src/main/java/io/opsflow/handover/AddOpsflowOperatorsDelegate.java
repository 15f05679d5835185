package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.opsflow.messages.Messages;
import io.opsflow.security.Roles;

/**
 * The named operators as opsflow users: member of the customer's tenant and of the operators group,
 * so Tasklist shows them this customer's tasks and nobody else's. The user id is the user principal
 * name. A new user gets a random password nobody is told (it is neither logged nor kept): an
 * administrator sets the first one in Camunda Admin. An existing user keeps everything and only
 * gains what is missing, so a retried step changes nothing.
 */
@Component
class AddOpsflowOperatorsDelegate implements JavaDelegate {

    private final IdentityService identity;
    private final SecureRandom random = new SecureRandom();

    AddOpsflowOperatorsDelegate(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customer = (String) execution.getVariable(CUSTOMER_ID);
        for (String upn : PackageSettings.read(execution.getVariables(), Messages.standalone(Locale.ENGLISH)).operators()) {
            String id = upn.toLowerCase(Locale.ROOT);
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                String local = upn.substring(0, upn.indexOf('@'));
                int dot = local.indexOf('.');
                user.setFirstName(dot > 0 ? local.substring(0, dot) : local);
                user.setLastName(dot > 0 ? local.substring(dot + 1) : "");
                user.setEmail(upn);
                user.setPassword(unknownPassword());
                identity.saveUser(user);
            }
            if (identity.createTenantQuery().tenantId(customer).userMember(id).count() == 0) {
                identity.createTenantUserMembership(customer, id);
            }
            if (identity.createGroupQuery().groupId(Roles.OPERATORS_GROUP).groupMember(id).count() == 0) {
                identity.createMembership(id, Roles.OPERATORS_GROUP);
            }
        }
    }

    /** Meets Camunda's password policy: every character class, long enough. */
    private String unknownPassword() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "Aa1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
