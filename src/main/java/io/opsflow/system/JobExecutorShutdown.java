package io.opsflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stops the job executor first when the application stops. Left alone it is stopped only when the
 * engine bean is destroyed, and until then its acquisition thread keeps locking jobs and handing them
 * to Spring's task executor, which refuses new work from the moment the context starts closing. A
 * job that is not started here stays in the database for the next start or another node.
 */
@Component
class JobExecutorShutdown {

    private final ApplicationContext context;
    private final ProcessEngine engine;

    JobExecutorShutdown(ApplicationContext context, ProcessEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void stopAcquiringJobs(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
    }
}
