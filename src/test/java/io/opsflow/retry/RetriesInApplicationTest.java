package io.opsflow.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;

/** The application's engine runs the permanent-fault handling and the incidents metric, not only the test engine. */
@OpsflowSpringTest
class RetriesInApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    OpenIncidentsMetric metric;

    @Test
    void theStarterInstalledThePluginAndTheMetricIsRefreshing() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getFailedJobCommandFactory())
                .isInstanceOf(FailAtOnceCommandFactory.class);
        assertThat(metric.isRunning()).isTrue();
        metric.refresh();
    }
}
