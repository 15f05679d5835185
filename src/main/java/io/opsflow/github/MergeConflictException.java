package io.opsflow.github;

/** GitHub refused the merge as it stands (conflict, not mergeable, head moved): a person must look. */
public class MergeConflictException extends RuntimeException {

    public MergeConflictException(String message) {
        super(message);
    }
}
