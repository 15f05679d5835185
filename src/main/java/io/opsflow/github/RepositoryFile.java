package io.opsflow.github;

/** A file's content (decoded) and blob sha on a branch. */
public record RepositoryFile(String path, String sha, byte[] content) {
}
