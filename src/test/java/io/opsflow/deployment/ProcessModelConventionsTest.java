package io.opsflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;

/** Every model in processes/ follows the conventions of STYLE.md and can run in this application. */
@OpsflowSpringTest
class ProcessModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
    static final Pattern FLOW_ID = Pattern.compile("Flow_[A-Z][A-Za-z0-9_]+");
    static final Pattern GENERATED = Pattern.compile(".*_[0-9][a-z0-9]{6}");
    static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    @Autowired
    ApplicationContext context;

    @Test
    void everyBpmnKeepsItsDiagramIdsAndBeans() throws IOException {
        Set<String> formIds = formIds();
        List<Path> models = files(".bpmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            String name = file.getFileName().toString().replace(".bpmn", "");
            assertThat(process.getId()).as(file + ": process key = file name").isEqualTo(name);
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + ": historyTimeToLive").isNotBlank();

            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getId()).as(file + ": id of " + node.getName()).matches(ELEMENT_ID).doesNotMatch(GENERATED);
                assertThat(shapes).as(file + ": " + node.getId() + " is drawn").contains(node.getId());
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                assertThat(flow.getId()).as(file.toString()).matches(FLOW_ID);
            }
            String xml = Files.readString(file);
            for (String bean : matches(Pattern.compile("camunda:delegateExpression=\"([^\"]+)\""), xml)) {
                Matcher m = DELEGATE.matcher(bean);
                assertThat(m.matches()).as(file + ": delegateExpression " + bean + " names a bean").isTrue();
                assertThat(context.containsBean(m.group(1))).as(file + ": bean " + m.group(1)).isTrue();
            }
            assertThat(xml).as(file + ": no camunda:class").doesNotContain("camunda:class=");
            for (String formRef : matches(Pattern.compile("camunda:formRef=\"([^\"]+)\""), xml)) {
                assertThat(formIds).as(file + ": formRef " + formRef).contains(formRef);
            }
        }
    }

    @Test
    void everyDmnDecisionHasAHistoryTimeToLive() throws IOException {
        for (Path file : files(".dmn")) {
            for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString()).as(file + ": " + decision.getId()).isNotBlank();
            }
        }
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path form : files(".form")) {
            String id = json.readTree(form.toFile()).path("id").asText();
            assertThat(ids.add(id)).as(form + ": form id " + id + " is unique").isTrue();
        }
        return ids;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(PROCESSES)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
