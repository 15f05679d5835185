package io.opsflow.catalog;

import java.util.List;

import io.opsflow.validation.FieldProblem;
import io.opsflow.validation.YamlDocument;

/**
 * One catalog item file. Jackson maps it onto {@link CatalogDefinition}; the SnakeYAML node tree
 * gives each problem the line of its key, so the start-up log alone is enough to fix the file
 * (the same approach as the customers file).
 */
final class CatalogItemFile {

    private final YamlDocument document;

    private CatalogItemFile(YamlDocument document) {
        this.document = document;
    }

    /** {@code name} is how messages call the file, e.g. {@code processes/catalog/items/vm-restart.yaml}. */
    static CatalogItemFile parse(String name, String text) {
        return new CatalogItemFile(YamlDocument.parse(name, text, CatalogDefinitionException::new));
    }

    /** The definition, checked on its own; conflicts with other files are checked by the caller. */
    CatalogDefinition definition() {
        CatalogDefinition definition = document.bind(CatalogDefinition.class, "a mapping with id, name, sysId, runbook, parameters, …");
        List<FieldProblem> problems = DefinitionValidator.validate(definition);
        if (!problems.isEmpty()) {
            throw new CatalogDefinitionException(String.join("\n", problems.stream().map(document::located).toList()), null);
        }
        return definition;
    }

    String name() {
        return document.name();
    }

    /** The line of the deepest existing node on a field path. */
    int lineOf(String fieldPath) {
        return document.lineOf(fieldPath);
    }
}
