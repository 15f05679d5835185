package io.opsflow.github;

import static io.opsflow.github.GitHubApi.repo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.github.GitHubApi.Answer;
import io.opsflow.outbound.Timing;

/**
 * A merge through a pull request, safe to re-run: the open pull request for head → base is reused,
 * "no commits between" is nothing to merge, and the merge names the head sha opsflow saw, so a branch
 * that moved meanwhile is not merged unseen.
 */
final class GitHubPullRequests {

    private final GitHubApi api;
    private final GitHubProperties properties;
    private final Timing timing;

    GitHubPullRequests(GitHubApi api, GitHubProperties properties, Timing timing) {
        this.api = api;
        this.properties = properties;
        this.timing = timing;
    }

    Merge merge(String owner, String repo, String base, String head, String title, String body) {
        Optional<Integer> number = open(owner, repo, base, head);
        if (number.isEmpty()) {
            Map<String, Object> pull = new LinkedHashMap<>();
            pull.put("title", title);
            pull.put("head", head);
            pull.put("base", base);
            pull.put("body", body);
            Answer created = api.call(HttpMethod.POST, repo(owner, repo) + "/pulls", Map.of(), pull, 422);
            if (created.status() == 422) {
                String text = created.body().toString().toLowerCase(Locale.ROOT);
                if (text.contains("no commits between")) {
                    return new Merge(null, true);
                }
                // Another attempt created it meanwhile.
                number = open(owner, repo, base, head);
                if (number.isEmpty()) {
                    throw new GitHubException("GitHub refused the pull request " + head + " → " + base + " of " + owner + "/"
                            + repo + " (422): " + created.body().path("errors"), 422, true, null);
                }
            } else {
                number = Optional.of(created.body().path("number").asInt());
            }
        }
        JsonNode pull = mergeable(owner, repo, number.get());
        String where = owner + "/" + repo + "#" + number.get();
        if (!pull.path("mergeable").asBoolean()) {
            throw new MergeConflictException("Pull request " + where + " is not mergeable (mergeable_state "
                    + pull.path("mergeable_state").asText() + ")");
        }
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("commit_title", title + " (#" + number.get() + ")");
        merge.put("sha", pull.path("head").path("sha").asText());
        merge.put("merge_method", "merge");
        Answer merged = api.call(HttpMethod.PUT, HttpGitHub.pullPath(owner, repo, number.get()) + "/merge", Map.of(), merge,
                405, 409);
        if (merged.status() == 405 || merged.status() == 409) {
            throw new MergeConflictException("GitHub did not merge pull request " + where + " (" + merged.status() + "): "
                    + merged.body().path("message").asText());
        }
        return new Merge(merged.body().path("sha").asText(), false);
    }

    private Optional<Integer> open(String owner, String repo, String base, String head) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("head", owner + ":" + head);
        query.put("base", base);
        query.put("state", "open");
        JsonNode pulls = api.call(HttpMethod.GET, repo(owner, repo) + "/pulls", query, null).body();
        return pulls.isArray() && !pulls.isEmpty() ? Optional.of(pulls.get(0).path("number").asInt()) : Optional.empty();
    }

    /** GitHub works out mergeability after the pull request is created: read it until it knows. */
    private JsonNode mergeable(String owner, String repo, int number) {
        for (int read = 1; ; read++) {
            JsonNode pull = api.call(HttpMethod.GET, HttpGitHub.pullPath(owner, repo, number), Map.of(), null).body();
            if (!pull.path("mergeable").isNull() && !pull.path("mergeable").isMissingNode()) {
                return pull;
            }
            if (read >= properties.mergeablePolls()) {
                throw new GitHubException("GitHub had not worked out whether " + owner + "/" + repo + "#" + number
                        + " is mergeable after " + read + " reads", 200, false, null);
            }
            try {
                timing.sleep(properties.mergeablePollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubException("Interrupted while waiting for " + owner + "/" + repo + "#" + number, 0, false, e);
            }
        }
    }
}
