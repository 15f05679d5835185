package io.opsflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;

@OpsflowSpringTest
class ProcessesDeploymentTest {

    @Autowired
    ProcessesDeployment deployment;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;

    @TempDir
    Path folder;

    @Test
    void theBuiltInProcessesFolderIsDeployedWithItsForm() {
        ProcessDefinition smokeTest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("smoke-test")
                .latestVersion().singleResult();
        assertThat(smokeTest.getResourceName()).isEqualTo("system/smoke-test.bpmn");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(smokeTest.getDeploymentId()).singleResult().getName()).isEqualTo(ProcessesDeployment.DEPLOYMENT_NAME);
        assertThat(formService.getStartFormKey(smokeTest.getId())).isNull();
        assertThat(new String(readAll(formService.getDeployedStartForm(smokeTest.getId())), StandardCharsets.UTF_8))
                .contains("\"id\": \"smoke-test-request\"").contains("メモ / Note");
    }

    @Test
    void everyModelTypeInSubFoldersIsDeployedAndOnlyChangesMakeNewVersions() throws IOException {
        String name = "deployment-test-" + System.nanoTime();
        write("a/check.bpmn", bpmn("check-" + name, "check-form-" + name));
        write("a/check.form", form("check-form-" + name, "Label 1"));
        write("b/nested/other.bpmn", bpmn("other-" + name, null));
        write("b/rule.dmn", dmn("rule-" + name, "1"));

        Deployment first = deployment.deploy(folder.toUri().toString(), name);
        assertThat(repositoryService.getDeploymentResourceNames(first.getId()))
                .containsExactlyInAnyOrder("a/check.bpmn", "a/check.form", "b/nested/other.bpmn", "b/rule.dmn");

        assertThat(deployment.deploy(folder.toUri().toString(), name)).as("nothing changed").isNull();

        write("b/rule.dmn", dmn("rule-" + name, "2"));
        Deployment dmnOnly = deployment.deploy(folder.toUri().toString(), name);
        assertThat(repositoryService.getDeploymentResourceNames(dmnOnly.getId())).containsExactly("b/rule.dmn");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("check-" + name).count()).isOne();

        write("a/check.form", form("check-form-" + name, "Label 2"));
        Deployment formAndModel = deployment.deploy(folder.toUri().toString(), name);
        assertThat(repositoryService.getDeploymentResourceNames(formAndModel.getId()))
                .as("a form bound by deployment travels with its model").containsExactlyInAnyOrder("a/check.bpmn", "a/check.form");
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("check-" + name)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(new String(readAll(formService.getDeployedStartForm(latest.getId())), StandardCharsets.UTF_8)).contains("Label 2");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("other-" + name).count()).isOne();
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String bpmn(String key, String formId) {
        var start = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("StartEvent_Requested");
        if (formId != null) {
            start.camundaFormRef(formId).camundaFormRefBinding("deployment");
        }
        return Bpmn.convertToString(start.endEvent("EndEvent_Done").done());
    }

    private static String form(String id, String label) {
        return """
                {"id": "%s", "type": "default", "schemaVersion": 16,
                 "components": [{"type": "textfield", "id": "Field_A", "key": "a", "label": "%s"}]}""".formatted(id, label);
    }

    private static String dmn(String key, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s" namespace="https://opsflow.io/test"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn">
                  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_%1$s">
                      <output id="Output_Result" name="result" typeRef="string"/>
                      <rule id="Rule_Always"><outputEntry id="OutputEntry_Result"><text>"%2$s"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(key, output);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
