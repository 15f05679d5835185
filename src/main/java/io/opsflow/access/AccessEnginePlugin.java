package io.opsflow.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Least privilege in the engine: the {@link HumanCommandGuard} around every command, and task
 * rights from candidate groups alone. A candidate group (or user) gets {@code TASK_WORK} on its task
 * (claim, complete) instead of Camunda's default {@code UPDATE} (which would also let it rewrite the
 * task); nobody holds a blanket grant on all tasks, so an approval is decided by its group only.
 */
@Component
public class AccessEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        // One guard per chain: an interceptor holds its chain's next link.
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), new HumanCommandGuard()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new HumanCommandGuard()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(guard);
        return interceptors;
    }
}
