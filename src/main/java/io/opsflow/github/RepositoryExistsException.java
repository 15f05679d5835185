package io.opsflow.github;

/** The repository name is taken in the owner (422 on generate). */
public class RepositoryExistsException extends RuntimeException {

    public RepositoryExistsException(String fullName) {
        super("GitHub repository " + fullName + " already exists");
    }
}
