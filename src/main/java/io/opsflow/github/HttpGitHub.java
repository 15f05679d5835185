package io.opsflow.github;

import static io.opsflow.github.GitHubApi.path;
import static io.opsflow.github.GitHubApi.repo;
import static io.opsflow.github.GitHubApi.segment;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.github.GitHubApi.Answer;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/**
 * {@link GitHub} over the REST API (version pinned by {@link GitHubProperties#apiVersion()}). Pull requests
 * are in {@link GitHubPullRequests}.
 */
public final class HttpGitHub implements GitHub {

    private static final Map<String, String> NONE = Map.of();

    private final GitHubApi api;
    private final GitHubPullRequests pulls;

    /** The adapter outside Spring (process tests against WireMock), wired as {@code GitHubConfiguration} wires it. */
    public static HttpGitHub of(OutboundClient outbound, GitHubEndpoint endpoint, GitHubProperties properties, Timing timing) {
        return GitHubConfiguration.create(outbound, endpoint, properties, timing);
    }

    HttpGitHub(GitHubApi api, GitHubPullRequests pulls) {
        this.api = api;
        this.pulls = pulls;
    }

    @Override
    public Optional<Repository> repository(String owner, String name) {
        Answer answer = api.call(HttpMethod.GET, repo(owner, name), NONE, null, 404);
        return answer.status() == 404 ? Optional.empty() : Optional.of(repository(answer.body()));
    }

    /**
     * Copies all the template's branches ({@code include_all_branches}): the customer's repository needs the
     * template's {@code production} branch beside its default branch. Private, like the template.
     */
    @Override
    public Repository generateFromTemplate(String templateFullName, String owner, String name, String description) {
        String[] template = templateFullName.split("/", 2);
        if (template.length != 2) {
            throw new IllegalArgumentException("Template must be owner/name: " + templateFullName);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("owner", owner);
        body.put("name", name);
        body.put("description", description);
        body.put("include_all_branches", true);
        body.put("private", true);
        Answer answer = api.call(HttpMethod.POST, repo(template[0], template[1]) + "/generate", NONE, body, 404, 422);
        if (answer.status() == 404) {
            throw new GitHubException("GitHub template repository " + templateFullName
                    + " does not exist or the token cannot read it (404)", 404, true, null);
        }
        if (answer.status() == 422) {
            if (answer.body().toString().toLowerCase(Locale.ROOT).contains("already exists")) {
                throw new RepositoryExistsException(owner + "/" + name);
            }
            throw new GitHubException("GitHub refused to generate " + owner + "/" + name + " from " + templateFullName
                    + " (422): " + answer.body().path("message").asText() + " " + answer.body().path("errors"), 422, true, null);
        }
        return repository(answer.body());
    }

    @Override
    public boolean branchExists(String owner, String repo, String branch) {
        return api.call(HttpMethod.GET, repo(owner, repo) + "/branches/" + path(branch), NONE, null, 404).status() != 404;
    }

    @Override
    public Optional<RepositoryFile> file(String owner, String repo, String branch, String filePath) {
        Answer answer = api.call(HttpMethod.GET, repo(owner, repo) + "/contents/" + path(filePath), Map.of("ref", branch),
                null, 404);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode file = answer.body();
        if (!"file".equals(file.path("type").asText()) || !"base64".equals(file.path("encoding").asText())) {
            throw new GitHubException(owner + "/" + repo + ":" + filePath + " on " + branch + " is not a file GitHub sends"
                    + " inline (type " + file.path("type").asText(file.getNodeType().name()) + ")", 200, true, null);
        }
        // GitHub splits the base64 into lines of 60 characters.
        byte[] content = Base64.getMimeDecoder().decode(file.path("content").asText());
        return Optional.of(new RepositoryFile(file.path("path").asText(filePath), file.path("sha").asText(), content));
    }

    /** Reads the file first, so that a re-run commits nothing; a sha gone stale meanwhile (409, or 422 without sha) is read again once. */
    @Override
    public Optional<String> putFile(String owner, String repo, String branch, String filePath, byte[] content,
            String message) {
        for (int attempt = 1; ; attempt++) {
            Optional<RepositoryFile> current = file(owner, repo, branch, filePath);
            if (current.isPresent() && Arrays.equals(current.get().content(), content)) {
                return Optional.empty();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", message);
            body.put("content", Base64.getEncoder().encodeToString(content));
            body.put("branch", branch);
            current.ifPresent(file -> body.put("sha", file.sha()));
            Answer answer = api.call(HttpMethod.PUT, repo(owner, repo) + "/contents/" + path(filePath), NONE, body, 409, 422);
            // 422 "sha wasn't supplied": the file appeared since it was read, the same race as a stale sha.
            boolean raced = answer.status() == 409 || answer.status() == 422 && answer.body().toString().contains("sha");
            if (answer.status() == 422 && !raced) {
                throw new GitHubException("GitHub refused " + owner + "/" + repo + ":" + filePath + " on " + branch + " (422): "
                        + answer.body().path("message").asText(), 422, true, null);
            }
            if (!raced) {
                return Optional.of(answer.body().path("commit").path("sha").asText());
            }
            if (attempt == 2) {
                throw new GitHubException(owner + "/" + repo + ":" + filePath + " on " + branch
                        + " changed twice while opsflow wrote it (409 stale sha)", 409, false, null);
            }
        }
    }

    @Override
    public Merge mergeBranch(String owner, String repo, String base, String head, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("base", base);
        body.put("head", head);
        body.put("commit_message", message);
        Answer answer = api.call(HttpMethod.POST, repo(owner, repo) + "/merges", NONE, body, 409);
        return switch (answer.status()) {
            case 204 -> new Merge(null, true);
            case 409 -> throw new MergeConflictException("Merging " + head + " into " + base + " of " + owner + "/" + repo
                    + " conflicts (409): resolve it in a pull request");
            default -> new Merge(answer.body().path("sha").asText(), false);
        };
    }

    @Override
    public Merge mergeByPullRequest(String owner, String repo, String base, String head, String title, String body) {
        return pulls.merge(owner, repo, base, head, title, body);
    }

    static Repository repository(JsonNode repo) {
        JsonNode template = repo.path("template_repository");
        return new Repository(repo.path("owner").path("login").asText(), repo.path("name").asText(),
                repo.path("full_name").asText(), repo.path("default_branch").asText(), repo.path("html_url").asText(),
                repo.path("is_template").asBoolean(), template.hasNonNull("full_name") ? template.path("full_name").asText() : null);
    }

    static String pullPath(String owner, String repo, int number) {
        return repo(owner, repo) + "/pulls/" + segment(String.valueOf(number));
    }
}
