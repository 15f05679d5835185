package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;

/** Object variables are read back only into the allowed types (application.yaml, docs/security.md). */
@OpsflowSpringTest
class ObjectVariableTypesTest {

    @Autowired
    TaskService taskService;

    private String taskId;

    @BeforeEach
    void task() {
        Task task = taskService.newTask();
        taskService.saveTask(task);
        taskId = task.getId();
    }

    @AfterEach
    void removeTask() {
        taskService.deleteTask(taskId, true);
    }

    @Test
    void whatOpsflowStoresIsReadBack() {
        // The shape of a DMN single result (camunda:mapDecisionResult="singleResult").
        Map<String, Object> decision = new HashMap<>(Map.of("priority", "P1", "escalate", true, "level", 2));
        taskService.setVariable(taskId, "priorityDecision",
                Variables.objectValue(decision).serializationDataFormat(SerializationDataFormats.JSON).create());
        assertThat(taskService.getVariable(taskId, "priorityDecision")).isEqualTo(decision);
    }

    @Test
    void aTypeOutsideTheAllowListIsRefused() {
        taskService.setVariable(taskId, "smuggled", Variables.serializedObjectValue("\"/etc/passwd\"")
                .objectTypeName("java.io.File").serializationDataFormat(SerializationDataFormats.JSON).create());
        assertThatThrownBy(() -> taskService.getVariable(taskId, "smuggled"))
                .hasStackTraceContaining("java.io.File");
        assertThat((Object) taskService.getVariableTyped(taskId, "smuggled", false)).as("still readable serialized").isNotNull();
    }
}
