package io.opsflow.circleci;

import java.util.List;

/** A pipeline: {@code errors} are CircleCI's messages when it could not even start ({@link State#ERRORED}). */
public record Pipeline(String id, int number, State state, String revision, List<String> errors) {

    public enum State { CREATED, ERRORED, SETUP_PENDING, SETUP, PENDING }
}
