package io.opsflow.catalog;

import java.util.Arrays;
import java.util.Optional;

import io.opsflow.messages.Messages;

/** The kinds of resource a catalog request can change; their words are the catalogue's {@code catalog.target.*}. */
public enum TargetKind {
    VIRTUAL_MACHINE("virtualMachine"),
    NETWORK_SECURITY_GROUP("networkSecurityGroup"),
    NSG_RULE("nsgRule"),
    SQL_DATABASE("sqlDatabase"),
    WEB_APP("webApp"),
    AVD_SESSION_HOST("avdSessionHost"),
    USER("user"),
    GROUP("group");

    private final String yamlName;

    TargetKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** What the kind is called in {@code texts}' language ({@code 仮想マシン}, {@code Virtual machine}). */
    public String label(Messages.Texts texts) {
        return texts.text("catalog.target." + yamlName);
    }

    static Optional<TargetKind> of(String yamlName) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(yamlName)).findFirst();
    }
}
