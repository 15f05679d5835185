package io.opsflow.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The Camunda authorizations each role group starts with. Tenant membership is separate: an
 * operator sees another customer's tasks only when a member of that customer's tenant.
 */
record RoleGrants(String groupId, String name, String type, List<Grant> grants) {

    record Grant(Resource resource, String resourceId, List<? extends Permission> permissions) {
    }

    static final List<RoleGrants> ALL = List.of(
            new RoleGrants(Roles.ADMIN_GROUP, "opsflow administrators", Groups.GROUP_TYPE_SYSTEM,
                    Arrays.stream(Resources.values()).map(r -> new Grant(r, ANY, List.of(Permissions.ALL))).toList()),
            new RoleGrants(Roles.OPERATORS_GROUP, "運用オペレーター / Operators", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("tasklist"),
                    new Grant(Resources.TASK, ANY, List.of(Permissions.READ, Permissions.TASK_WORK, Permissions.TASK_ASSIGN)),
                    new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ, Permissions.CREATE_INSTANCE)),
                    new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
                    read(Resources.USER), read(Resources.GROUP))),
            new RoleGrants(Roles.MANAGERS_GROUP, "マネージャー / Managers", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("cockpit"), app("tasklist"),
                    new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_INSTANCE,
                            Permissions.READ_HISTORY, Permissions.READ_TASK)),
                    new Grant(Resources.TASK, ANY, List.of(Permissions.READ, Permissions.TASK_WORK)),
                    new Grant(Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
                    read(Resources.PROCESS_INSTANCE), read(Resources.DECISION_REQUIREMENTS_DEFINITION),
                    read(Resources.DEPLOYMENT), read(Resources.REPORT), read(Resources.DASHBOARD),
                    new Grant(Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
                    new Grant(Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
                    read(Resources.USER), read(Resources.GROUP))),
            new RoleGrants(Roles.DESIGN_TEAM_GROUP, "設計構築チーム / Design team", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("tasklist"),
                    new Grant(Resources.TASK, ANY, List.of(Permissions.READ, Permissions.TASK_WORK)),
                    new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ, Permissions.CREATE_INSTANCE)),
                    new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
                    read(Resources.USER), read(Resources.GROUP))));

    private static Grant app(String application) {
        return new Grant(Resources.APPLICATION, application, List.of(Permissions.ACCESS));
    }

    private static Grant read(Resource resource) {
        return new Grant(resource, ANY, List.of(Permissions.READ));
    }
}
