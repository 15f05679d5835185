package io.opsflow.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The types a runbook parameter can have; {@link ParameterValues} checks and normalises each. */
public enum ParameterType {
    STRING("string"),
    INT("int"),
    BOOL("bool"),
    ENUM("enum"),
    SKU("sku"),
    UUID("uuid"),
    VM_NAME("vmName"),
    RESOURCE_GROUP("resourceGroup"),
    CIDR("cidr"),
    PORT("port"),
    PORT_RANGE("portRange"),
    UPN("upn");

    private final String yamlName;

    ParameterType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static Optional<ParameterType> of(String yamlName) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(yamlName)).findFirst();
    }

    boolean takesAllowedValues() {
        return this == ENUM || this == SKU;
    }

    boolean takesPattern() {
        return this == STRING || this == UPN || this == VM_NAME || this == RESOURCE_GROUP;
    }

    boolean takesBounds() {
        return this == STRING || this == INT || this == PORT || this == PORT_RANGE || this == CIDR;
    }
}
