package io.opsflow.engine;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Stops the job executor first when the application stops, and lets the jobs it already runs finish
 * while the web server and the database are still there. Left alone it is stopped only when the
 * engine bean is destroyed: until then its acquisition thread keeps locking jobs, and the jobs
 * running meanwhile meet a stopped web server (in sandbox mode opsflow calls its own simulators over
 * HTTP) and log their failures. A job not started here stays in the database for the next start or
 * another node; one still running after {@link #DRAIN} goes on as before.
 */
@Component
class JobExecutorShutdown {

    /** As long as Spring waits for each shutdown phase by default. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

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
        if (jobExecutor == null || !jobExecutor.isActive()) {
            return;
        }
        jobExecutor.shutdown();
        if (jobExecutor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            awaitRunningJobs(pool.getThreadPoolExecutor());
        }
    }

    private static void awaitRunningJobs(ThreadPoolExecutor pool) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("Stopping with {} job(s) still running after {} s", pool.getActiveCount(), DRAIN.toSeconds());
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
