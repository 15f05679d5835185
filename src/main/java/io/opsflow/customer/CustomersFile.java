package io.opsflow.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.opsflow.validation.YamlDocument;

/**
 * The customers YAML file ({@code opsflow.customers-file}): a {@code customers:} list of the
 * {@link Customer} shape. Errors name the file, the line and the field, so an operator editing
 * the file by hand can fix it from the start-up log alone.
 */
final class CustomersFile {

    record Document(List<Customer> customers) {
        Document {
            customers = customers == null ? List.of() : customers;
        }
    }

    private final YamlDocument document;

    private CustomersFile(YamlDocument document) {
        this.document = document;
    }

    static CustomersFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CustomersFileException(path + ": cannot read the customers file (" + e.getMessage() + ")", e);
        }
        return new CustomersFile(YamlDocument.parse(path.toString(), text, CustomersFileException::new));
    }

    List<Customer> customers() {
        return document.bind(Document.class, "a mapping with a 'customers:' list").customers();
    }

    /** The line of the deepest existing node on a field path. */
    int lineOf(String fieldPath) {
        return document.lineOf(fieldPath);
    }
}
