package io.opsflow.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** opsflow_engine_incidents on a bare engine: one grouped query, tagged by process and customer. */
class OpenIncidentsMetricTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    static final BpmnModelInstance CHILD = Bpmn.createExecutableProcess("metric-child").camundaHistoryTimeToLive(1)
            .startEvent().userTask("UserTask_Wait").endEvent().done();
    static final BpmnModelInstance PARENT = Bpmn.createExecutableProcess("metric-parent").camundaHistoryTimeToLive(1)
            .startEvent().callActivity("CallActivity_Child").calledElement("metric-child").endEvent().done();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RuntimeService runtime;
    OpenIncidentsMetric metric;

    @BeforeEach
    void deploy() {
        runtime = engine.getRuntimeService();
        metric = new OpenIncidentsMetric(engine.getProcessEngine(), registry);
        for (String tenant : new String[] {"acme", "globex", null}) {
            engine.manageDeployment(engine.getRepositoryService().createDeployment().tenantId(tenant)
                    .addModelInstance("metric-child.bpmn", CHILD).addModelInstance("metric-parent.bpmn", PARENT).deploy());
        }
    }

    @Test
    void countsOpenIncidentsByProcessAndCustomerAndDropsToZeroWhenResolved() {
        Incident acme1 = failChildOf(start("acme"));
        failChildOf(start("acme"));
        failChildOf(start("globex"));
        failChildOf(start(null));
        start("acme");

        metric.refresh();

        assertThat(value("metric-child", "acme")).isEqualTo(2);
        assertThat(value("metric-child", "globex")).isEqualTo(1);
        assertThat(value("metric-child", "none")).isEqualTo(1);
        assertThat(registry.find(OpenIncidentsMetric.NAME).gauges()).as("one series per process and customer").hasSize(3);

        runtime.resolveIncident(acme1.getId());
        runtime.createProcessInstanceQuery().processDefinitionKey("metric-parent").tenantIdIn("globex").list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test", false, true));
        metric.refresh();

        assertThat(value("metric-child", "acme")).isEqualTo(1);
        assertThat(value("metric-child", "globex")).as("resolved: reported as 0, not dropped").isZero();
    }

    @Test
    void aFailureInACalledProcessCountsOnceWhereItHappened() {
        ProcessInstance parent = start("acme");
        failChildOf(parent);
        assertThat(runtime.createIncidentQuery().processInstanceId(parent.getId()).count())
                .as("Camunda also shows the failure on the calling instance").isOne();

        metric.refresh();

        assertThat(value("metric-child", "acme")).isEqualTo(1);
        assertThat(registry.find(OpenIncidentsMetric.NAME).tag(OpenIncidentsMetric.PROCESS_TAG, "metric-parent").gauge()).isNull();
    }

    @Test
    void prometheusSeesOpsflowEngineIncidents() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OpenIncidentsMetric scraped = new OpenIncidentsMetric(engine.getProcessEngine(), prometheus);
        failChildOf(start("acme"));

        scraped.refresh();

        assertThat(prometheus.scrape()).contains("# TYPE opsflow_engine_incidents gauge")
                .contains("opsflow_engine_incidents{customer=\"acme\",process_definition_key=\"metric-child\"} 1.0");
    }

    @Test
    void noIncidentsNoSeries() {
        start("acme");
        metric.refresh();
        assertThat(registry.find(OpenIncidentsMetric.NAME).gauges()).isEmpty();
    }

    private ProcessInstance start(String tenant) {
        var builder = runtime.createProcessInstanceByKey("metric-parent");
        return (tenant == null ? builder.processDefinitionWithoutTenantId() : builder.processDefinitionTenantId(tenant)).execute();
    }

    private Incident failChildOf(ProcessInstance parent) {
        ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
        Execution waiting = runtime.createExecutionQuery().processInstanceId(child.getId()).activityId("UserTask_Wait").singleResult();
        // The configuration tells incidents apart (a failed job's is its job id): resolving one resolves all that share it.
        return runtime.createIncident("opsflow-test", waiting.getId(), waiting.getId(), "ServiceNow answered 403");
    }

    private double value(String processKey, String customer) {
        Gauge gauge = registry.find(OpenIncidentsMetric.NAME).tag(OpenIncidentsMetric.PROCESS_TAG, processKey)
                .tag(OpenIncidentsMetric.CUSTOMER_TAG, customer).gauge();
        assertThat(gauge).as(processKey + "/" + customer).isNotNull();
        return gauge.value();
    }
}
