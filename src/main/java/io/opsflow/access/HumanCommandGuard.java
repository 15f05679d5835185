package io.opsflow.access;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks, inside the engine, what a signed-in person asks of it, whichever way they ask (Tasklist,
 * Cockpit, {@code /engine-rest}): Camunda's authorizations say which definitions and tasks a group
 * may touch, this adds what they cannot express.
 * <ul>
 * <li>A start names a customer the caller works for, of a process whose {@code candidateStarterGroups}
 *     or {@code candidateStarterUsers} list them. A process that lists nobody is started only by
 *     opsflow (webhooks, other processes), never by a person, administrators included.</li>
 * <li>A task completion or form submission carries only the fields of the task's Camunda Form, of
 *     their types and allowed values; read-only fields may only come back unchanged.</li>
 * <li>Only administrators write variables or trigger events outside a form (Cockpit repairs).</li>
 * </ul>
 * Calls without a signed-in user (webhooks, the job executor, start-up) are opsflow itself and pass.
 * Only the outermost command of a call is checked: what a process does in its own steps is not the
 * person's submission.
 */
class HumanCommandGuard extends CommandInterceptor {

    static final String CUSTOMER_ID = "customerId";

    /** Commands that write variables, raise events or move tokens: for administrators only. */
    private static final List<Class<?>> ADMIN_ONLY_KINDS = List.of(AbstractVariableCmd.class, AbstractPatchVariablesCmd.class,
            AbstractCorrelateMessageCmd.class, AbstractModificationCmd.class, AbstractRestartProcessInstanceCmd.class);
    private static final Set<String> ADMIN_ONLY_COMMANDS = Set.of("MessageEventReceivedCmd", "SignalEventReceivedCmd", "SignalCmd",
            "EvaluateStartConditionCmd", "CorrelateAllMessageBatchCmd", "SetVariablesToProcessInstancesBatchCmd",
            "RestartProcessInstancesBatchCmd", "CaseExecutionVariableCmd");

    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FormFields> formsByElement = new ConcurrentHashMap<>();

    @Override
    public <T> T execute(Command<T> command) {
        if (INSIDE.get() != null) {
            return next.execute(command);
        }
        INSIDE.set(Boolean.TRUE);
        try {
            CommandContext context = Context.getCommandContext();
            Authentication caller = context == null ? null : context.getAuthentication();
            if (caller != null && caller.getUserId() != null) {
                check(command, context, caller);
            }
            return next.execute(command);
        } finally {
            INSIDE.remove();
        }
    }

    private void check(Command<?> command, CommandContext context, Authentication caller) {
        if (command instanceof CompleteTaskCmd) {
            checkTaskSubmission(context, caller, field(command, CompleteTaskCmd.class, "taskId"), field(command, CompleteTaskCmd.class, "variables"));
        } else if (command instanceof SubmitTaskFormCmd) {
            checkTaskSubmission(context, caller, field(command, SubmitTaskFormCmd.class, "taskId"), field(command, SubmitTaskFormCmd.class, "properties"));
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = field(command, StartProcessInstanceCmd.class, "instantiationBuilder");
            checkStart(context, caller, definition(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey()), start.getVariables());
        } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl start = field(command, StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
            checkStart(context, caller, definition(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey()), start.getVariables());
        } else if (command instanceof SubmitStartFormCmd) {
            String definitionId = field(command, SubmitStartFormCmd.class, "processDefinitionId");
            checkStart(context, caller, definition(context, definitionId, null), field(command, SubmitStartFormCmd.class, "variables"));
        } else if (isAdminOnly(command) && !isAdmin(context, caller)) {
            throw new AuthorizationException("Only administrators may change variables or raise events directly ("
                    + command.getClass().getSimpleName() + "); complete the task's form instead");
        }
    }

    private static boolean isAdminOnly(Command<?> command) {
        return ADMIN_ONLY_KINDS.stream().anyMatch(kind -> kind.isInstance(command))
                || ADMIN_ONLY_COMMANDS.contains(command.getClass().getSimpleName());
    }

    private void checkStart(CommandContext context, Authentication caller, ProcessDefinitionEntity definition, Map<String, Object> variables) {
        if (definition == null) {
            return; // the engine itself answers "no such definition"
        }
        StartRights rights = StartRights.of(definition);
        if (rights.isSystemOnly() || !(rights.allows(caller.getUserId(), caller.getGroupIds()) || isAdmin(context, caller))) {
            throw new AuthorizationException(rights.isSystemOnly()
                    ? "'" + definition.getKey() + "' is started by opsflow only (webhooks or other processes), not by a person"
                    : "'" + definition.getKey() + "' may be started by " + rights.describe() + " only");
        }
        Map<String, Object> submitted = plain(variables);
        Object customer = submitted.get(CUSTOMER_ID);
        if (customer != null && !isAdmin(context, caller)
                && (caller.getTenantIds() == null || !caller.getTenantIds().contains(String.valueOf(customer)))) {
            throw new AuthorizationException("User '" + caller.getUserId() + "' does not work for customer '" + customer
                    + "' and cannot start '" + definition.getKey() + "' for it");
        }
        FormFields form = startForm(context, definition);
        Map<String, Object> checked = new HashMap<>(submitted);
        if (form == FormFields.NO_FORM) {
            checked.remove(CUSTOMER_ID);
        }
        List<String> problems = form.problems(checked, Map.of());
        if (!problems.isEmpty()) {
            // Camunda's start endpoints answer every engine exception but this one with 500.
            throw new AuthorizationException("Refused start of '" + definition.getKey() + "': " + String.join("; ", problems));
        }
    }

    private void checkTaskSubmission(CommandContext context, Authentication caller, String taskId, Map<String, Object> variables) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the engine itself answers "no such task"
        }
        if (task.getTenantId() != null && !isAdmin(context, caller)
                && (caller.getTenantIds() == null || !caller.getTenantIds().contains(task.getTenantId()))) {
            // Camunda's own tenant check refuses it too, but as a 500; this says 403 and why.
            throw new AuthorizationException("User '" + caller.getUserId() + "' does not work for the customer of task " + taskId);
        }
        FormFields form = taskForm(context, task);
        Map<String, Object> submitted = plain(variables);
        Map<String, Object> current = new HashMap<>();
        submitted.keySet().forEach(name -> current.put(name, task.getVariable(name)));
        refuseProblems("task '" + task.getName() + "'", form.problems(submitted, current));
        // Read-only fields Tasklist sends back unchanged say nothing new: not written again (a long
        // one would otherwise also be copied into the form history).
        if (variables != null && variables.keySet().stream().anyMatch(form::isDisplayOnly)) {
            try {
                variables.keySet().removeIf(form::isDisplayOnly);
            } catch (UnsupportedOperationException immutable) {
                // A caller's immutable map: the unchanged values are simply written again.
            }
        }
    }

    private static void refuseProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            // Camunda's REST answers its form validation exception with 400 (other engine exceptions are 500).
            throw new FormFieldValidationException("opsflow-allow-list", "Refused submission for " + what + ": " + String.join("; ", problems));
        }
    }

    private FormFields taskForm(CommandContext context, TaskEntity task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return FormFields.NO_FORM;
        }
        String element = task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey();
        boolean hasForm = task.getTaskDefinition() != null && task.getTaskDefinition().getCamundaFormDefinitionKey() != null;
        return formsByElement.computeIfAbsent(element, k -> !hasForm ? FormFields.NO_FORM
                : parse(context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()))));
    }

    private FormFields startForm(CommandContext context, ProcessDefinitionEntity definition) {
        var startForm = definition.getStartFormDefinition();
        if (startForm == null || startForm.getCamundaFormDefinitionKey() == null) {
            return FormFields.NO_FORM;
        }
        return formsByElement.computeIfAbsent(definition.getId() + "|start", k -> parse(context.runWithoutAuthorization(
                () -> context.getProcessEngineConfiguration().getFormService().getDeployedStartForm(definition.getId()))));
    }

    private FormFields parse(InputStream form) {
        try (form) {
            return FormFields.of(json.readTree(form));
        } catch (IOException e) {
            throw new IllegalStateException("A deployed Camunda Form is not JSON", e);
        }
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        try {
            return context.runWithoutAuthorization(() -> id != null ? cache.findDeployedProcessDefinitionById(id)
                    : cache.findDeployedLatestProcessDefinitionByKey(key));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isAdmin(CommandContext context, Authentication caller) {
        ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
        List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
        List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
        return adminUsers.contains(caller.getUserId())
                || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(adminGroups::contains));
    }

    /** Plain Java values; a serialized object value (JSON, Java) stays opaque and fails every field type. */
    private static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> plain = new HashMap<>();
        if (variables == null) {
            return plain;
        }
        variables.forEach((name, value) -> {
            if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
                plain.put(name, Map.of("serialized", serializable.getType().getName()));
            } else {
                plain.put(name, value instanceof TypedValue typed ? typed.getValue() : value);
            }
        });
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return (V) field.get(command);
        } catch (ReflectiveOperationException e) {
            // Pinned to Camunda 7.24; a changed command shape must fail closed, never let a submission through.
            throw new AuthorizationException("opsflow cannot check " + declaring.getSimpleName() + " on this Camunda version");
        }
    }
}
