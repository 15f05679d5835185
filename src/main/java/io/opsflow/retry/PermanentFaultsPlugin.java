package io.opsflow.retry;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes a job that fails with a {@link PermanentFault} an incident at once instead of running the
 * retry cycle. The Spring Boot starter installs every {@code ProcessEnginePlugin} bean; the plain
 * process tests list this class in {@code opsflow-engine-test.cfg.xml}.
 *
 * <p>Wraps the factory in {@code postInit}: the starter sets its own in a {@code preInit}, and the
 * engine reads the factory on every failure, so wrapping after all {@code preInit}s keeps whatever
 * retry handling was configured for the transient faults.
 */
@Component
public class PermanentFaultsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(new FailAtOnceCommandFactory(configuration.getFailedJobCommandFactory()));
    }
}
