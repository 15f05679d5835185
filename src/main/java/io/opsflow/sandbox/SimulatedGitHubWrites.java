package io.opsflow.sandbox;

import static io.opsflow.sandbox.SimulatedGitHub.error;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.opsflow.sandbox.SimulatedGitHubRepository.Commit;
import io.opsflow.sandbox.SimulatedGitHubRepository.Pull;

/**
 * The GitHub simulator's writing calls: contents PUT (blob sha checked as GitHub does: 422 without one for an
 * existing file, 409 for a stale one), branch merges (201 / 204) and pull requests (422 "no commits between",
 * {@code mergeable} null on the first read, 409 when the merge names another head sha).
 */
final class SimulatedGitHubWrites {

    private SimulatedGitHubWrites() {
    }

    static ResponseEntity<?> putFile(SimulatedGitHub github, SimulatedGitHubRepository repo, String path, Map<String, Object> body,
            Instant now) {
        String branch = Objects.toString(body.get("branch"), repo.defaultBranch);
        String message = Objects.toString(body.get("message"), "");
        if (message.isBlank() || !(body.get("content") instanceof String encoded)) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request.\n\n\"message\" and \"content\" are required.");
        }
        synchronized (repo) {
            Optional<Commit> head = repo.branch(branch, now);
            if (head.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "Branch " + branch + " not found");
            }
            byte[] current = head.get().files().get(path);
            String sha = (String) body.get("sha");
            if (current != null && sha == null) {
                return error(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request.\n\n\"sha\" wasn't supplied.");
            }
            String currentSha = current == null ? null : SimulatedGitHubRepository.blobSha(current);
            if (sha != null && !sha.equals(currentSha)) {
                return error(HttpStatus.CONFLICT, "is at " + currentSha + " but expected " + sha);
            }
            byte[] content = Base64.getMimeDecoder().decode(encoded);
            Commit commit = repo.commit(branch, path, content, message);
            github.pushed(repo, branch, commit);
            return ResponseEntity.status(current == null ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of(
                    "content", contentJson(repo, path, branch, content), "commit", commitJson(repo, commit)));
        }
    }

    static ResponseEntity<?> merge(SimulatedGitHub github, SimulatedGitHubRepository repo, Map<String, Object> body, Instant now) {
        String base = Objects.toString(body.get("base"), "");
        String head = Objects.toString(body.get("head"), "");
        if (repo.branch(base, now).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Base does not exist");
        }
        if (repo.branch(head, now).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Head does not exist");
        }
        Optional<Commit> merged = repo.merge(base, head, Objects.toString(body.get("commit_message"), "Merge " + head + " into " + base));
        if (merged.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        github.pushed(repo, base, merged.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(commitJson(repo, merged.get()));
    }

    static ResponseEntity<?> openPull(SimulatedGitHubRepository repo, Map<String, Object> body, Instant now) {
        String base = Objects.toString(body.get("base"), "");
        String head = Objects.toString(body.get("head"), "");
        Optional<Commit> into = repo.branch(base, now);
        Optional<Commit> from = repo.branch(head, now);
        if (into.isEmpty() || from.isEmpty()) {
            return validation("field", into.isEmpty() ? "base" : "head", "code", "invalid");
        }
        if (into.get().history().contains(from.get().sha())) {
            return validation("code", "custom", "message", "No commits between " + base + " and " + head);
        }
        if (repo.pulls().stream().anyMatch(p -> p.mergeCommit == null && p.head.equals(head) && p.base.equals(base))) {
            return validation("code", "custom", "message", "A pull request already exists for " + repo.owner + ":" + head + ".");
        }
        Pull pull = repo.openPull(Objects.toString(body.get("title"), head), Objects.toString(body.get("body"), ""), head, base, now);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(repo, pull, now, false));
    }

    static ResponseEntity<?> mergePull(SimulatedGitHub github, SimulatedGitHubRepository repo, Pull pull, Map<String, Object> body,
            Instant now) {
        synchronized (repo) {
            if (pull.mergeCommit != null) {
                return error(HttpStatus.METHOD_NOT_ALLOWED, "Pull Request is not mergeable");
            }
            String headSha = repo.branch(pull.head, now).map(Commit::sha).orElse(null);
            if (body.get("sha") != null && !body.get("sha").equals(headSha)) {
                return error(HttpStatus.CONFLICT, "Head branch was modified. Review and try the merge again.");
            }
            Optional<Commit> merged = repo.merge(pull.base, pull.head, Objects.toString(body.get("commit_title"), pull.title));
            pull.mergeCommit = merged.map(Commit::sha).orElse(headSha);
            merged.ifPresent(commit -> github.pushed(repo, pull.base, commit));
            return ResponseEntity.ok(Map.of("sha", pull.mergeCommit, "merged", true, "message", "Pull Request successfully merged"));
        }
    }

    /** GitHub works mergeability out after creation: a single pull request read answers null the first time. */
    static Map<String, Object> json(SimulatedGitHubRepository repo, Pull pull, Instant now, boolean read) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", pull.number);
        json.put("state", pull.mergeCommit == null ? "open" : "closed");
        json.put("title", pull.title);
        json.put("body", pull.body);
        json.put("html_url", "https://github.com/" + repo.fullName() + "/pull/" + pull.number);
        json.put("head", Map.of("ref", pull.head, "sha", repo.branch(pull.head, now).map(Commit::sha).orElse(""),
                "label", repo.owner + ":" + pull.head));
        json.put("base", Map.of("ref", pull.base, "sha", repo.branch(pull.base, now).map(Commit::sha).orElse("")));
        json.put("merged", pull.mergeCommit != null);
        boolean known = read && pull.reads++ > 0;
        json.put("mergeable", known ? Boolean.valueOf(pull.mergeCommit == null) : null);
        json.put("mergeable_state", known ? "clean" : "unknown");
        json.put("created_at", pull.created.toString());
        return json;
    }

    static Map<String, Object> contentJson(SimulatedGitHubRepository repo, String path, String branch, byte[] content) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "file");
        json.put("name", path.substring(path.lastIndexOf('/') + 1));
        json.put("path", path);
        json.put("sha", SimulatedGitHubRepository.blobSha(content));
        json.put("size", content.length);
        json.put("html_url", "https://github.com/" + repo.fullName() + "/blob/" + branch + "/" + path);
        return json;
    }

    private static Map<String, Object> commitJson(SimulatedGitHubRepository repo, Commit commit) {
        return Map.of("sha", commit.sha(), "message", commit.message(), "commit", Map.of("message", commit.message()),
                "html_url", "https://github.com/" + repo.fullName() + "/commit/" + commit.sha());
    }

    private static ResponseEntity<?> validation(String k1, String v1, String k2, String v2) {
        return ResponseEntity.unprocessableEntity().body(Map.of("message", "Validation Failed", "status", "422",
                "errors", java.util.List.of(Map.of("resource", "PullRequest", k1, v1, k2, v2))));
    }
}
