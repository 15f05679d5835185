package io.opsflow.catalog;

import java.util.List;

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

import io.opsflow.system.FieldProblem;
import io.opsflow.system.JsonPaths;
import io.opsflow.system.YamlLines;

/**
 * One catalog item file. Jackson maps it onto {@link CatalogDefinition}; the SnakeYAML node tree
 * gives each problem the line of its key, so the start-up log alone is enough to fix the file
 * (the same approach as the customers file).
 */
final class CatalogItemFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;
    private final String text;
    private final Node root;

    private CatalogItemFile(String name, String text, Node root) {
        this.name = name;
        this.text = text;
        this.root = root;
    }

    /** {@code name} is how messages call the file, e.g. {@code processes/catalog/items/vm-restart.yaml}. */
    static CatalogItemFile parse(String name, String text) {
        try {
            return new CatalogItemFile(name, text, new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text)));
        } catch (MarkedYAMLException e) {
            throw new CatalogDefinitionException(name + " line " + (e.getProblemMark().getLine() + 1)
                    + ": not valid YAML: " + e.getProblem(), e);
        }
    }

    /** The definition, checked on its own; conflicts with other files are checked by the caller. */
    CatalogDefinition definition() {
        if (!(root instanceof MappingNode)) {
            throw new CatalogDefinitionException(name + " line 1: expected a mapping with id, name, sysId, runbook, parameters, …", null);
        }
        CatalogDefinition definition;
        try {
            definition = YAML.readValue(text, CatalogDefinition.class);
        } catch (JsonMappingException e) {
            String field = JsonPaths.of(e.getPath());
            int line = field.isEmpty() ? e.getLocation().getLineNr() : lineOf(field);
            throw new CatalogDefinitionException(name + " line " + line + ": "
                    + (field.isEmpty() ? "" : field + ": ") + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CatalogDefinitionException(name + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        List<FieldProblem> problems = DefinitionValidator.validate(definition);
        if (!problems.isEmpty()) {
            throw new CatalogDefinitionException(String.join("\n", problems.stream().map(this::located).toList()), null);
        }
        return definition;
    }

    String located(FieldProblem problem) {
        return name + " line " + lineOf(problem.field()) + ": " + problem;
    }

    String name() {
        return name;
    }

    /** The line of the deepest existing node on a field path. */
    int lineOf(String fieldPath) {
        return new YamlLines(root).lineOf(fieldPath);
    }
}
