package io.opsflow.github;

/**
 * A repository as GitHub answers it.
 *
 * @param templateFullName {@code owner/name} of the template it was generated from, null if none
 */
public record Repository(String owner, String name, String fullName, String defaultBranch, String htmlUrl,
        boolean template, String templateFullName) {
}
