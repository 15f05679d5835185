package io.opsflow.security;

import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups opsflow knows, and the Spring Security role each one grants. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String OPERATOR = "OPERATOR";
    public static final String DESIGN_TEAM = "DESIGN_TEAM";

    public static final String ADMIN_GROUP = Groups.CAMUNDA_ADMIN;
    public static final String OPERATORS_GROUP = "operators";
    public static final String MANAGERS_GROUP = "managers";
    public static final String DESIGN_TEAM_GROUP = "design-team";

    static final Map<String, String> ROLE_BY_GROUP = Map.of(
            ADMIN_GROUP, ADMIN,
            MANAGERS_GROUP, MANAGER,
            OPERATORS_GROUP, OPERATOR,
            DESIGN_TEAM_GROUP, DESIGN_TEAM);

    private Roles() {
    }
}
