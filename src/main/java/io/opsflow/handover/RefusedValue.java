package io.opsflow.handover;

import java.util.List;

/**
 * A cell value that cannot be read, with the catalogue code ({@code handover.items.<code>}) and its
 * arguments. Thrown by the value parsers and turned into a {@link Problem} for the cell; it is
 * control flow inside the parser, so it carries no stack trace.
 */
final class RefusedValue extends RuntimeException {

    private final String code;
    private final List<String> args;

    RefusedValue(String code, String... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = List.of(args);
    }

    String code() {
        return code;
    }

    List<String> args() {
        return args;
    }
}
