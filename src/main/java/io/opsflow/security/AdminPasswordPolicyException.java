package io.opsflow.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** {@code OPSFLOW_ADMIN_PASSWORD} breaks the engine's password policy; the start stops and says which rules. */
public class AdminPasswordPolicyException extends IllegalStateException {

    private static final Map<String, String> RULES = Map.of(
            "PASSWORD_POLICY_LENGTH", "at least %s characters",
            "PASSWORD_POLICY_LOWERCASE", "at least %s lower-case letter(s)",
            "PASSWORD_POLICY_UPPERCASE", "at least %s upper-case letter(s)",
            "PASSWORD_POLICY_DIGIT", "at least %s digit(s)",
            "PASSWORD_POLICY_SPECIAL", "at least %s special character(s) such as - _ . + = %%",
            "PASSWORD_POLICY_USER_DATA", "not containing the user id, first name (opsflow) or last name (Administrator)");

    AdminPasswordPolicyException(String userId, List<PasswordPolicyRule> violated) {
        super("OPSFLOW_ADMIN_PASSWORD does not satisfy the password policy for the administrator '" + userId
                + "'. It needs " + violated.stream().map(AdminPasswordPolicyException::describe).collect(Collectors.joining("; "))
                + ". The password itself is not shown.");
    }

    private static String describe(PasswordPolicyRule rule) {
        String template = RULES.get(rule.getPlaceholder());
        if (template == null) {
            return rule.getPlaceholder() + " " + rule.getParameters();
        }
        return template.contains("%s") ? String.format(template, rule.getParameters().values().stream().findFirst().orElse("1"))
                : template.replace("%%", "%");
    }
}
