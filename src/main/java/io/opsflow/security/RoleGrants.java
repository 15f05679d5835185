package io.opsflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The Camunda authorizations each role group starts with. Nobody but administrators holds a grant on
 * all tasks or may start every process: task rights come from a task's candidate groups (Camunda's
 * default task permissions), start rights from a process's candidate starter groups
 * ({@link StartGrants}), and tenant membership decides which customers' work a person sees at all.
 */
record RoleGrants(String groupId, String name, String type, List<Grant> grants) {

    record Grant(Resource resource, String resourceId, List<? extends Permission> permissions) {
    }

    /** A grant an earlier opsflow gave and this one withdraws, on every start (idempotent). */
    record Withdrawn(String groupId, Resource resource, Permission permission) {
    }

    static final List<RoleGrants> ALL = List.of(
            new RoleGrants(Roles.ADMIN_GROUP, "opsflow administrators", Groups.GROUP_TYPE_SYSTEM,
                    Arrays.stream(Resources.values()).map(r -> new Grant(r, ANY, List.of(Permissions.ALL))).toList()),
            new RoleGrants(Roles.OPERATORS_GROUP, "運用オペレーター / Operators", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("tasklist"),
                    read(Resources.PROCESS_DEFINITION),
                    new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
                    read(Resources.USER), read(Resources.GROUP))),
            new RoleGrants(Roles.MANAGERS_GROUP, "マネージャー / Managers", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("cockpit"), app("tasklist"),
                    // See every task and instance of their customers; retry failed jobs (Cockpit incidents).
                    new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_INSTANCE,
                            Permissions.READ_HISTORY, Permissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB)),
                    new Grant(Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
                    read(Resources.DECISION_REQUIREMENTS_DEFINITION),
                    read(Resources.DEPLOYMENT), read(Resources.REPORT), read(Resources.DASHBOARD),
                    new Grant(Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
                    new Grant(Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
                    new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ, Permissions.CREATE)),
                    read(Resources.USER), read(Resources.GROUP))),
            new RoleGrants(Roles.DESIGN_TEAM_GROUP, "設計構築チーム / Design team", Groups.GROUP_TYPE_WORKFLOW, List.of(
                    app("tasklist"),
                    read(Resources.PROCESS_DEFINITION),
                    new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
                    read(Resources.USER), read(Resources.GROUP))));

    /** opsflow 0.1 let operators and the design team work any task and start any process. */
    static final List<Withdrawn> WITHDRAWN = List.of(
            new Withdrawn(Roles.OPERATORS_GROUP, Resources.TASK, Permissions.TASK_WORK),
            new Withdrawn(Roles.OPERATORS_GROUP, Resources.TASK, Permissions.TASK_ASSIGN),
            new Withdrawn(Roles.OPERATORS_GROUP, Resources.TASK, Permissions.READ),
            new Withdrawn(Roles.OPERATORS_GROUP, Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE),
            new Withdrawn(Roles.DESIGN_TEAM_GROUP, Resources.TASK, Permissions.TASK_WORK),
            new Withdrawn(Roles.DESIGN_TEAM_GROUP, Resources.TASK, Permissions.READ),
            new Withdrawn(Roles.DESIGN_TEAM_GROUP, Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE),
            new Withdrawn(Roles.MANAGERS_GROUP, Resources.TASK, Permissions.TASK_WORK),
            new Withdrawn(Roles.MANAGERS_GROUP, Resources.TASK, Permissions.READ));

    private static Grant app(String application) {
        return new Grant(Resources.APPLICATION, application, List.of(Permissions.ACCESS));
    }

    private static Grant read(Resource resource) {
        return new Grant(resource, ANY, List.of(Permissions.READ));
    }
}
