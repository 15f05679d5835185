package io.opsflow.github;

/**
 * The outcome of a merge: the merge commit's sha, or {@code nothingToMerge} when base already held head
 * (then {@code sha} is null).
 */
public record Merge(String sha, boolean nothingToMerge) {
}
