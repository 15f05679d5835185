package io.opsflow.report;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds the reporting projection next to Camunda's own history (which stays on): its history event
 * handler and the per-command session that writes it. Public for engines built without Spring.
 * {@code opsflow.reports.projection.enabled=false} is only for measuring its cost: the reports then
 * miss what happens until {@link ReportRebuild} runs.
 */
@Component
@ConditionalOnProperty(name = "opsflow.reports.projection.enabled", havingValue = "true", matchIfMissing = true)
public class ReportProjectionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new ReportHistoryHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        List<SessionFactory> sessions = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessions.addAll(configuration.getCustomSessionFactories());
        }
        sessions.add(new ReportSession.Factory());
        configuration.setCustomSessionFactories(sessions);
    }
}
