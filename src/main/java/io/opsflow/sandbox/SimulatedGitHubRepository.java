package io.opsflow.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One repository of the GitHub simulator: branches pointing at immutable commits (the whole tree and the
 * commits it contains), and pull requests. Merges never conflict: the head's files win.
 */
final class SimulatedGitHubRepository {

    /** A commit: its files and every commit it contains (itself included), so "already merged" is a lookup. */
    record Commit(String sha, String message, Map<String, byte[]> files, Set<String> history) {
    }

    /** A pull request; {@code mergeCommit} is set once merged. */
    static final class Pull {
        final int number;
        final String title;
        final String body;
        final String head;
        final String base;
        final Instant created;
        String mergeCommit;
        int reads;

        Pull(int number, String title, String body, String head, String base, Instant created) {
            this.number = number;
            this.title = title;
            this.body = body;
            this.head = head;
            this.base = base;
            this.created = created;
        }
    }

    final String owner;
    final String name;
    final String description;
    final boolean template;
    final String templateFullName;
    final Instant created;
    final String defaultBranch;
    private final Instant ready;
    private final Map<String, Commit> branches = new LinkedHashMap<>();
    private final List<Pull> pulls = new ArrayList<>();

    SimulatedGitHubRepository(String owner, String name, String description, boolean template, String templateFullName,
            String defaultBranch, Instant created, Instant ready) {
        this.owner = owner;
        this.name = name;
        this.description = description;
        this.template = template;
        this.templateFullName = templateFullName;
        this.defaultBranch = defaultBranch;
        this.created = created;
        this.ready = ready;
    }

    String fullName() {
        return owner + "/" + name;
    }

    /** The branch's commit; none while the repository is still being generated. */
    synchronized Optional<Commit> branch(String branch, Instant now) {
        return now.isBefore(ready) ? Optional.empty() : Optional.ofNullable(branches.get(branch));
    }

    synchronized Map<String, Commit> branches() {
        return Map.copyOf(branches);
    }

    synchronized void setBranch(String branch, Commit commit) {
        branches.put(branch, commit);
    }

    /** A new commit on {@code branch} with {@code path} set to {@code content}. */
    synchronized Commit commit(String branch, String path, byte[] content, String message) {
        Commit parent = branches.get(branch);
        Map<String, byte[]> files = new LinkedHashMap<>(parent.files());
        files.put(path, content.clone());
        Commit commit = child(List.of(parent), files, message);
        branches.put(branch, commit);
        return commit;
    }

    /** Merges {@code head} into {@code base}; empty when base already contains head. */
    synchronized Optional<Commit> merge(String base, String head, String message) {
        Commit into = branches.get(base);
        Commit from = branches.get(head);
        if (into.history().contains(from.sha())) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new LinkedHashMap<>(into.files());
        files.putAll(from.files());
        Commit merged = child(List.of(into, from), files, message);
        branches.put(base, merged);
        return Optional.of(merged);
    }

    synchronized Pull openPull(String title, String body, String head, String base, Instant now) {
        Pull pull = new Pull(pulls.size() + 1, title, body, head, base, now);
        pulls.add(pull);
        return pull;
    }

    synchronized List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    static Commit initial(Map<String, byte[]> files, String message) {
        return child(List.of(), files, message);
    }

    private static Commit child(List<Commit> parents, Map<String, byte[]> files, String message) {
        String sha = sha1(("commit " + UUID.randomUUID() + parents.stream().map(Commit::sha).toList()).getBytes(UTF_8));
        Set<String> history = new HashSet<>();
        history.add(sha);
        parents.forEach(p -> history.addAll(p.history()));
        return new Commit(sha, message, Map.copyOf(files), Set.copyOf(history));
    }

    /** Git's blob sha: SHA-1 of {@code blob <size>\0<content>}. */
    static String blobSha(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(UTF_8);
        byte[] blob = new byte[header.length + content.length];
        System.arraycopy(header, 0, blob, 0, header.length);
        System.arraycopy(content, 0, blob, header.length, content.length);
        return sha1(blob);
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
