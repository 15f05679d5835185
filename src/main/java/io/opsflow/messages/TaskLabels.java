package io.opsflow.messages;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;


/**
 * How a task tells itself apart in Tasklist's list: Camunda 7 evaluates no expressions in a task's
 * name, so the capabilities' create listeners append a subject (record number, customer, target) to
 * the name and write a description, both cut to what the list shows. The name is the catalogue's
 * {@code task.<task id>.name} in the reader's language, or the modelled name for a task it lacks.
 */
public final class TaskLabels {

    /** ACT_RU_TASK.NAME_ holds 255 characters, DESCRIPTION_ 4000: the list needs far less. */
    static final int NAME_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 1000;
    static final String SEPARATOR = " · ";

    private TaskLabels() {
    }

    /** Name: the task's name in {@code texts}' language · subject; description: the non-blank parts joined. */
    public static void label(DelegateTask task, Messages.Texts texts, String subject, String... descriptionParts) {
        String name = texts.textOr("task." + task.getTaskDefinitionKey() + ".name", task.getName());
        task.setName(abbreviate(join(name, subject), NAME_LENGTH));
        task.setDescription(abbreviate(join(descriptionParts), DESCRIPTION_LENGTH));
    }

    public static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
    }

    /** A variable as text, or null. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
