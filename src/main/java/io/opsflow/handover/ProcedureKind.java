package io.opsflow.handover;

import java.util.Arrays;
import java.util.Optional;

/** The two procedures generated from a customer's agreed monitoring items, as their path names them. */
public enum ProcedureKind {
    /** オペレーション手順書: what an operator does when an item's alert arrives. */
    OPERATOR("operator"),
    /** 運用手順書: how the monitoring is configured and changed, SLA, accounts, go-live. */
    ADMINISTRATOR("administrator");

    private final String path;

    ProcedureKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<ProcedureKind> of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
