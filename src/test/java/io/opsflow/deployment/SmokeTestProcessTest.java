package io.opsflow.deployment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.ReadCustomerRegistryDelegate;

/** The smoke-test process on a bare engine: the real delegate around a mocked registry. */
class SmokeTestProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("opsflow-engine-test.cfg.xml").build();

    final CustomerRegistry registry = mock(CustomerRegistry.class);

    @BeforeEach
    void registerDelegates() {
        init(engine.getProcessEngine());
        Mocks.register("readCustomerRegistryDelegate", new ReadCustomerRegistryDelegate(registry));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    @Deployment(resources = {"processes/system/smoke-test.bpmn", "processes/system/smoke-test-request.form"})
    void readsTheRegistryAndEnds() {
        when(registry.count()).thenReturn(3L);
        RuntimeService runtimeService = engine.getRuntimeService();

        ProcessInstance instance = runtimeService.startProcessInstanceByKey("smoke-test", "health-check");

        assertThat(instance).isEnded()
                .hasPassedInOrder("StartEvent_SmokeTestRequested", "ServiceTask_ReadCustomerRegistry", "EndEvent_SmokeTestPassed")
                .variables().containsEntry(SmokeTest.CUSTOMER_COUNT, 3L);
    }

    @Test
    @Deployment(resources = {"processes/system/smoke-test.bpmn", "processes/system/smoke-test-request.form"})
    void aRegistryFailureFailsTheStart() {
        when(registry.count()).thenThrow(new IllegalStateException("database down"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("smoke-test"))
                .hasMessageContaining("database down");
    }

    @Test
    @Deployment(resources = {"processes/system/smoke-test.bpmn", "processes/system/smoke-test-request.form"})
    void theStartFormIsTheDeployedCamundaForm() throws Exception {
        FormService formService = engine.getFormService();
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("smoke-test")
                .singleResult().getId();
        try (var form = formService.getDeployedStartForm(definitionId)) {
            org.assertj.core.api.Assertions.assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"key\": \"note\"");
        }
    }
}
