package io.opsflow.catalog;

/** A catalog item definition cannot be used; the message names the file, the line and the field. */
public class CatalogDefinitionException extends RuntimeException {

    public CatalogDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
