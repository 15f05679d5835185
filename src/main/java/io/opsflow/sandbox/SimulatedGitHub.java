package io.opsflow.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.opsflow.sandbox.SimulatedGitHubRepository.Commit;
import io.opsflow.sandbox.SimulatedGitHubRepository.Pull;
import jakarta.servlet.http.HttpServletRequest;

/**
 * GitHub's REST API for sandbox mode under {@code /sandbox/github}, as far as the customer intake uses it:
 * repositories (the template {@value SimulatedGitHubTemplate#FULL_NAME} with branches {@code master} and
 * {@code production}), generation from it (contents appear after {@code opsflow.sandbox.github-generate-delay}),
 * contents with blob shas, branch merges and pull requests. Every new commit on a branch is reported to
 * {@link SimulatedCircleCi}, which runs the pipeline of a push to {@code production}.
 */
@RestController
@ConditionalOnSandbox
class SimulatedGitHub {

    static final String PREFIX = "/sandbox/github";
    private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)(?:/(.*))?");
    private static final Pattern PULL = Pattern.compile("pulls/(\\d+)(/merge)?");

    private final Map<String, SimulatedGitHubRepository> repositories = new ConcurrentHashMap<>();
    private final SimulatedCircleCi circleci;
    private final SandboxProperties properties;
    private final Clock clock;

    @Autowired
    SimulatedGitHub(SimulatedCircleCi circleci, SandboxProperties properties) {
        this(circleci, properties, Clock.systemUTC());
    }

    SimulatedGitHub(SimulatedCircleCi circleci, SandboxProperties properties, Clock clock) {
        this.circleci = circleci;
        this.properties = properties;
        this.clock = clock;
        String[] template = SimulatedGitHubTemplate.FULL_NAME.split("/");
        SimulatedGitHubRepository repo = new SimulatedGitHubRepository(template[0], template[1],
                "Template: Bicep for a customer's common Azure resources + CircleCI config", true, null, "master",
                clock.instant(), clock.instant());
        Commit initial = SimulatedGitHubRepository.initial(SimulatedGitHubTemplate.files(), "Initial commit");
        repo.setBranch("master", initial);
        repo.setBranch("production", initial);
        repositories.put(key(template[0], template[1]), repo);
    }

    @RequestMapping(PREFIX + "/**")
    ResponseEntity<?> handle(HttpServletRequest request, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                             @RequestParam Map<String, String> query, @RequestBody(required = false) Map<String, Object> body) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return error(HttpStatus.UNAUTHORIZED, "Requires authentication");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        Matcher m = REPO.matcher(path);
        if (!m.matches()) {
            return error(HttpStatus.NOT_FOUND, "Not Found");
        }
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        String rest = m.group(3) == null ? "" : UriUtils.decode(m.group(3), UTF_8);
        SimulatedGitHubRepository repo = repositories.get(key(m.group(1), m.group(2)));
        Map<String, Object> in = body == null ? Map.of() : body;
        if (repo == null) {
            return error(HttpStatus.NOT_FOUND, "Not Found");
        }
        Instant now = clock.instant();
        Matcher pull;
        if (rest.isEmpty() && method == HttpMethod.GET) {
            return ResponseEntity.ok(json(repo));
        } else if (rest.equals("generate") && method == HttpMethod.POST) {
            return generate(repo, in, now);
        } else if (rest.startsWith("branches/") && method == HttpMethod.GET) {
            String branch = rest.substring("branches/".length());
            return repo.branch(branch, now).<ResponseEntity<?>>map(c -> ResponseEntity.ok(Map.of("name", branch,
                    "commit", Map.of("sha", c.sha(), "commit", Map.of("message", c.message())), "protected", false)))
                    .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Branch not found"));
        } else if (rest.startsWith("contents/") && method == HttpMethod.GET) {
            return file(repo, rest.substring("contents/".length()), query.getOrDefault("ref", repo.defaultBranch), now);
        } else if (rest.startsWith("contents/") && method == HttpMethod.PUT) {
            return SimulatedGitHubWrites.putFile(this, repo, rest.substring("contents/".length()), in, now);
        } else if (rest.equals("merges") && method == HttpMethod.POST) {
            return SimulatedGitHubWrites.merge(this, repo, in, now);
        } else if (rest.equals("pulls") && method == HttpMethod.GET) {
            return ResponseEntity.ok(repo.pulls().stream().filter(p -> p.mergeCommit == null)
                    .filter(p -> !query.containsKey("base") || p.base.equals(query.get("base")))
                    .filter(p -> !query.containsKey("head") || (repo.owner + ":" + p.head).equals(query.get("head")))
                    .map(p -> SimulatedGitHubWrites.json(repo, p, now, false)).toList());
        } else if (rest.equals("pulls") && method == HttpMethod.POST) {
            return SimulatedGitHubWrites.openPull(repo, in, now);
        } else if ((pull = PULL.matcher(rest)).matches()) {
            int number = Integer.parseInt(pull.group(1));
            Optional<Pull> found = repo.pulls().stream().filter(p -> p.number == number).findFirst();
            if (found.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "Not Found");
            }
            if (pull.group(2) == null && method == HttpMethod.GET) {
                return ResponseEntity.ok(SimulatedGitHubWrites.json(repo, found.get(), now, true));
            }
            if (pull.group(2) != null && method == HttpMethod.PUT) {
                return SimulatedGitHubWrites.mergePull(this, repo, found.get(), in, now);
            }
        }
        return error(HttpStatus.NOT_FOUND, "Not Found");
    }

    private ResponseEntity<?> generate(SimulatedGitHubRepository template, Map<String, Object> body, Instant now) {
        if (!template.template) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "Repository " + template.fullName() + " is not a template");
        }
        String owner = String.valueOf(body.getOrDefault("owner", template.owner));
        String name = Objects.toString(body.get("name"), "");
        if (name.isBlank()) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request.\n\n\"name\" wasn't supplied.");
        }
        SimulatedGitHubRepository repo = new SimulatedGitHubRepository(owner, name, Objects.toString(body.get("description"), null),
                false, template.fullName(), template.defaultBranch, now, now.plus(properties.githubGenerateDelay()));
        if (repositories.putIfAbsent(key(owner, name), repo) != null) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Repository creation failed.", "errors",
                    List.of(Map.of("resource", "Repository", "code", "custom", "field", "name",
                            "message", "name already exists on this account")), "status", "422"));
        }
        boolean all = Boolean.TRUE.equals(body.get("include_all_branches"));
        template.branches().forEach((branch, commit) -> {
            if (all || branch.equals(template.defaultBranch)) {
                repo.setBranch(branch, SimulatedGitHubRepository.initial(commit.files(), "Initial commit"));
            }
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(json(repo));
    }

    private ResponseEntity<?> file(SimulatedGitHubRepository repo, String path, String ref, Instant now) {
        Optional<byte[]> content = repo.branch(ref, now).map(c -> c.files().get(path));
        if (content.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Not Found");
        }
        Map<String, Object> file = SimulatedGitHubWrites.contentJson(repo, path, ref, content.get());
        // GitHub splits the base64 into lines of 60 characters.
        file.put("content", new String(Base64.getMimeEncoder(60, "\n".getBytes(UTF_8)).encode(content.get()), UTF_8) + "\n");
        file.put("encoding", "base64");
        return ResponseEntity.ok(file);
    }

    /** A new commit on {@code branch}: a push as CircleCI sees it. */
    void pushed(SimulatedGitHubRepository repo, String branch, Commit commit) {
        circleci.pushed(repo.fullName(), branch, commit);
    }

    /** The repository as the intake test and the demo look at it. */
    Optional<SimulatedGitHubRepository> repository(String owner, String name) {
        return Optional.ofNullable(repositories.get(key(owner, name)));
    }

    static Map<String, Object> json(SimulatedGitHubRepository repo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", repo.name);
        json.put("full_name", repo.fullName());
        json.put("owner", Map.of("login", repo.owner, "type", "Organization"));
        json.put("private", true);
        json.put("visibility", "private");
        json.put("description", repo.description);
        json.put("html_url", "https://github.com/" + repo.fullName());
        json.put("default_branch", repo.defaultBranch);
        json.put("is_template", repo.template);
        json.put("created_at", repo.created.toString());
        if (repo.templateFullName != null) {
            json.put("template_repository", Map.of("full_name", repo.templateFullName, "is_template", true));
        }
        return json;
    }

    static ResponseEntity<?> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message, "status", String.valueOf(status.value()),
                "documentation_url", "https://docs.github.com/rest"));
    }

    private static String key(String owner, String name) {
        return (owner + "/" + name).toLowerCase(Locale.ROOT);
    }
}
