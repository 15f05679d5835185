package io.opsflow.retry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * {@code opsflow_engine_incidents}: open Camunda incidents by process definition key and customer
 * (the instance's tenant id, {@code none} without one). One grouped query every
 * {@value #REFRESH_SECONDS} s, whatever the number of instances; a scrape reads the last result.
 *
 * <p>Only root-cause incidents count: a failure inside a called process also shows as an incident on
 * each calling instance, and counting those would report one failure several times. A combination
 * seen once keeps reporting (0 when its incidents are resolved) so alerts and graphs end cleanly.
 * Every node of a cluster reports the same figures from the shared database: aggregate with
 * {@code max}, not {@code sum}.
 */
@Component
class OpenIncidentsMetric implements SmartLifecycle {

    static final String NAME = "opsflow.engine.incidents";
    static final String PROCESS_TAG = "process.definition.key";
    static final String CUSTOMER_TAG = "customer";
    static final String NONE = "none";
    static final long REFRESH_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(OpenIncidentsMetric.class);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final String query;
    private final Map<Tags, AtomicLong> counts = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    OpenIncidentsMetric(ProcessEngine engine, MeterRegistry registry) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        this.registry = registry;
        // The engine's own DataSource: plain SQL, so no Camunda authorization check narrows the count.
        this.jdbc = new JdbcTemplate(configuration.getDataSource());
        this.query = "select d.KEY_ as process_key, i.TENANT_ID_ as tenant, count(*) as open_incidents"
                + " from " + prefix + "ACT_RU_INCIDENT i left join " + prefix + "ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
                + " where i.ID_ = i.ROOT_CAUSE_INCIDENT_ID_ group by d.KEY_, i.TENANT_ID_";
    }

    /** Runs the grouped query and publishes its result. */
    void refresh() {
        Map<Tags, Long> current = new HashMap<>();
        jdbc.query(query, row -> {
            Tags tags = Tags.of(PROCESS_TAG, orNone(row.getString("process_key")), CUSTOMER_TAG, orNone(row.getString("tenant")));
            current.merge(tags, row.getLong("open_incidents"), Long::sum);
        });
        current.keySet().forEach(tags -> counts.computeIfAbsent(tags, this::register));
        counts.forEach((tags, count) -> count.set(current.getOrDefault(tags, 0L)));
    }

    private AtomicLong register(Tags tags) {
        AtomicLong count = new AtomicLong();
        Gauge.builder(NAME, count, AtomicLong::get).tags(tags).strongReference(true)
                .description("Open Camunda incidents (root causes) by process definition key and customer")
                .register(registry);
        return count;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (DataAccessException e) {
            log.warn("Open incidents not counted, the last figures stay: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Open incidents not counted, the last figures stay", e);
        }
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opsflow-incidents-metric");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
