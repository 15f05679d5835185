package io.opsflow.github;

import java.util.Optional;

/**
 * GitHub's REST API as the customer intake needs it: a customer's operations repository made from the
 * MSP's template, files committed to it, and a branch merged into another. Creating calls are safe to
 * re-run: a repository that exists is answered by {@link RepositoryExistsException}, a file already
 * holding the content is not committed again, a merge with nothing to merge says so.
 */
public interface GitHub {

    Optional<Repository> repository(String owner, String name);

    /**
     * {@code POST /repos/{template}/generate}; its contents arrive asynchronously (see {@link #branchExists}).
     *
     * @throws RepositoryExistsException when {@code owner/name} exists (422)
     */
    Repository generateFromTemplate(String templateFullName, String owner, String name, String description);

    /** Whether the branch exists yet ({@code GET /repos/{owner}/{repo}/branches/{branch}}: 200 or 404). */
    boolean branchExists(String owner, String repo, String branch);

    Optional<RepositoryFile> file(String owner, String repo, String branch, String path);

    /**
     * Commits {@code content} to {@code path} on {@code branch} unless the file already holds it.
     *
     * @return the commit's sha, or the empty value when the file already held the content
     */
    Optional<String> putFile(String owner, String repo, String branch, String path, byte[] content, String message);

    /**
     * Merges {@code head} into {@code base} ({@code POST /repos/{owner}/{repo}/merges}).
     *
     * @throws MergeConflictException on 409
     */
    Merge mergeBranch(String owner, String repo, String base, String head, String message);

    /**
     * Merges {@code head} into {@code base} through a pull request: the open one for them, or a new one;
     * waits until GitHub knows whether it is mergeable, then merges it at the head it saw.
     *
     * @throws MergeConflictException when the pull request cannot be merged (405, 409)
     */
    Merge mergeByPullRequest(String owner, String repo, String base, String head, String title, String body);
}
