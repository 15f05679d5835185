package io.opsflow.customer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.opsflow.system.JsonPaths;
import io.opsflow.system.YamlLines;

/**
 * The customers YAML file ({@code opsflow.customers-file}): a {@code customers:} list of the
 * {@link Customer} shape. Errors name the file, the line and the field, so an operator editing
 * the file by hand can fix it from the start-up log alone.
 */
final class CustomersFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record Document(List<Customer> customers) {
        Document {
            customers = customers == null ? List.of() : customers;
        }
    }

    private final Path path;
    private final String text;
    private final Node root;

    private CustomersFile(Path path, String text, Node root) {
        this.path = path;
        this.text = text;
        this.root = root;
    }

    static CustomersFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CustomersFileException(path + ": cannot read the customers file (" + e.getMessage() + ")", e);
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            return new CustomersFile(path, text, root);
        } catch (MarkedYAMLException e) {
            throw new CustomersFileException(path + " line " + (e.getProblemMark().getLine() + 1)
                    + ": not valid YAML: " + e.getProblem(), e);
        }
    }

    List<Customer> customers() {
        if (!(root instanceof MappingNode)) {
            throw new CustomersFileException(path + " line 1: expected a mapping with a 'customers:' list", null);
        }
        try {
            return YAML.readValue(text, Document.class).customers();
        } catch (JsonMappingException e) {
            // The YAML parser's own location may point past the value; the node tree knows the key's line.
            String field = JsonPaths.of(e.getPath());
            int line = field.isEmpty() ? e.getLocation().getLineNr() : lineOf(field);
            throw new CustomersFileException(path + " line " + line + ": "
                    + (field.isEmpty() ? "" : field + ": ") + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CustomersFileException(path + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The line of the deepest existing node on a field path. */
    int lineOf(String fieldPath) {
        return new YamlLines(root).lineOf(fieldPath);
    }
}
