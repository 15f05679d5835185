package io.opsflow.validation;

import java.io.StringReader;
import java.util.function.BiFunction;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A YAML file a person edits by hand (the customers file, catalog item files). Jackson binds it
 * strictly (unknown and duplicate keys are errors); the SnakeYAML node tree gives every problem the
 * line of its key, so the start-up log alone is enough to fix the file. Failures are thrown as the
 * caller's exception type, each message starting with the file's name and line.
 */
public final class YamlDocument {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;
    private final String text;
    private final Node root;
    private final BiFunction<String, Throwable, ? extends RuntimeException> failure;

    private YamlDocument(String name, String text, Node root, BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        this.name = name;
        this.text = text;
        this.root = root;
        this.failure = failure;
    }

    /** {@code name} is how messages call the file, e.g. {@code processes/catalog/items/vm-restart.yaml}. */
    public static YamlDocument parse(String name, String text, BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        try {
            return new YamlDocument(name, text, new Yaml(new LoaderOptions()).compose(new StringReader(text)), failure);
        } catch (MarkedYAMLException e) {
            throw failure.apply(name + " line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem(), e);
        }
    }

    /** The document bound to {@code type}; {@code expected} says what the top level should be when it is not a mapping. */
    public <T> T bind(Class<T> type, String expected) {
        if (!(root instanceof MappingNode)) {
            throw failure.apply(name + " line 1: expected " + expected, null);
        }
        try {
            return YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            // The YAML parser's own location may point past the value; the node tree knows the key's line.
            String field = JsonPaths.of(e.getPath());
            int line = field.isEmpty() ? e.getLocation().getLineNr() : lineOf(field);
            throw failure.apply(name + " line " + line + ": " + (field.isEmpty() ? "" : field + ": ") + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw failure.apply(name + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A problem found after binding, with the file and the line of its field. */
    public String located(FieldProblem problem) {
        return name + " line " + lineOf(problem.field()) + ": " + problem;
    }

    public String name() {
        return name;
    }

    /** The line of the deepest existing node on a field path. */
    public int lineOf(String fieldPath) {
        return new YamlLines(root).lineOf(fieldPath);
    }
}
