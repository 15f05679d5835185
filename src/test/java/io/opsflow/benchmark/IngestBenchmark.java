package io.opsflow.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.opsflow.OpsflowApplication;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentVariables;

/**
 * Ingest benchmark of issue 4: how fast alerts enter incident-coordination through the engine API,
 * Camunda's own REST start and opsflow's webhook, and how soon the ServiceNow incident follows.
 * The app runs in production mode against a zero-latency WireMock ServiceNow, on an H2 file and on
 * embedded PostgreSQL, all in one run; the start rates of both databases are measured round by round,
 * the databases taking turns at going first and the three ways at each position, and each ratio is
 * taken within one round.
 * Run with {@code mvn -q -Pbenchmark test}; the table goes to stdout and target/benchmark/ingest.md.
 */
@Tag("benchmark")
class IngestBenchmark {

    static final int CLIENTS = 8;
    static final int STARTS_PER_RUN = Integer.getInteger("bench.starts", 300);
    static final int ALERTS_PER_RUN = Integer.getInteger("bench.alerts", 50);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    /**
     * {@code -Dbench.projection=false}: the same run without the reporting projection. {@code pair}: only
     * the start rates (a)–(c), of nodes with and without it side by side in the same rounds, so that
     * the machine's drift between two separate runs does not pass for the projection's cost.
     */
    static final String PROJECTION_MODE = System.getProperty("bench.projection", "true");
    static final boolean PAIR = "pair".equals(PROJECTION_MODE);
    static final boolean PROJECTION = !"false".equals(PROJECTION_MODE);
    static final String WITHOUT = " without projection";
    /** Pause between the sequential alerts of (d): a modest 20 alerts/s, so latency is not queueing. */
    static final long ALERT_GAP_MILLIS = 50;

    static final String SUBSCRIPTION = "7b3e1f20-0000-4000-8000-00000000be01";
    static final String CUSTOMER = "bench";
    static final String TOKEN = "bench-azure-monitor-token";
    /** The variable the benchmark customer's registry entry names for its Azure Monitor token. */
    static final String TOKEN_ENV = "OPSFLOW_BENCH_AZURE_MONITOR_TOKEN";
    static final String ADMIN_PASSWORD = "Bench-Only-Secret-3";

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicLong sequence = new AtomicLong();
    /** ServiceNow incident POSTs as WireMock receives them: correlation_id → System.nanoTime(). */
    final Map<String, Long> incidentPosts = new ConcurrentHashMap<>();
    final List<String[]> rows = new ArrayList<>();

    @TempDir
    Path h2Dir;

    @Test
    void ingest() throws Exception {
        WireMockServer servicenow = new WireMockServer(options().dynamicPort().containerThreads(24).disableRequestJournal());
        servicenow.start();
        try {
            stubServiceNow(servicenow);
            String snowUrl = "http://localhost:" + servicenow.port();
            if (PAIR) {
                projectionPair(snowUrl);
                report();
                return;
            }

            // PostgreSQL's cross-node pair first, so that no more than two applications share the heap;
            // then both single nodes stay up and the rates alternate between them round by round.
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
                String url = postgres.getJdbcUrl("postgres", "postgres");
                try (ConfigurableApplicationContext worker = start("benchPgB", url, snowUrl, true)) {
                    registerCustomer(worker);
                    alertToIncident("PostgreSQL", "single node", worker);
                    try (ConfigurableApplicationContext receiver = start("benchPgA", url, snowUrl, false)) {
                        alertToIncident("PostgreSQL", "cross-node: A receives, B runs the job", receiver);
                    }
                    try (ConfigurableApplicationContext h2 = start("benchH2", "jdbc:h2:file:" + h2Dir.resolve("opsflow"), snowUrl, true)) {
                        registerCustomer(h2);
                        alertToIncident("H2", "single node", h2);
                        startRates(List.of(new Node("H2", h2), new Node("PostgreSQL", worker)));
                    }
                }
            }
            try (ConfigurableApplicationContext sandbox = startSandbox(h2Dir.resolve("sandbox"))) {
                requestToJobStart(sandbox);
            }
        } finally {
            servicenow.stop();
        }
        report();
    }

    /**
     * Each database twice, with and without the projection (its own H2 file, its own PostgreSQL
     * database on the same server), all four in the same rounds; the cost is the per-round ratio.
     */
    private void projectionPair(String snowUrl) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database without_projection");
            }
            try (ConfigurableApplicationContext pg = start("benchPg", postgres.getJdbcUrl("postgres", "postgres"), snowUrl, true, true);
                 ConfigurableApplicationContext pgOff = start("benchPgOff", postgres.getJdbcUrl("postgres", "without_projection"), snowUrl,
                         true, false);
                 ConfigurableApplicationContext h2 = start("benchH2", "jdbc:h2:file:" + h2Dir.resolve("opsflow"), snowUrl, true, true);
                 ConfigurableApplicationContext h2Off = start("benchH2Off", "jdbc:h2:file:" + h2Dir.resolve("without"), snowUrl, true,
                         false)) {
                for (ConfigurableApplicationContext node : List.of(pg, pgOff, h2, h2Off)) {
                    registerCustomer(node);
                }
                Map<String, Rounds> rounds = startRates(List.of(new Node("H2", h2), new Node("H2" + WITHOUT, h2Off),
                        new Node("PostgreSQL", pg), new Node("PostgreSQL" + WITHOUT, pgOff)));
                for (String db : List.of("H2", "PostgreSQL")) {
                    Rounds with = rounds.get(db);
                    Rounds without = rounds.get(db + WITHOUT);
                    rows.add(row(db, "projection cost: rate with ÷ without, (a) and (c), per round", "", "", "", "",
                            "(a) " + perRound(with.engine, without.engine) + "; (c) " + perRound(with.webhook, without.webhook), ""));
                }
            }
        }
    }

    private static String perRound(List<Run> with, List<Run> without) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            ratios.add(with.get(i).rate() / without.get(i).rate());
        }
        return String.format("median %.2f (%s)", median(ratios, Double::doubleValue),
                ratios.stream().map(x -> String.format("%.2f", x)).collect(java.util.stream.Collectors.joining(" ")));
    }

    // ---- (e) ----------------------------------------------------------------------------------

    static final String WEBHOOK_SECRET = "bench-servicenow-secret";
    static final String DEMO_SUBSCRIPTION = "00000000-0000-4000-8000-000000000001";
    static final String DEMO_COMPANY = "de300000000000000000000000000001";
    static final String START_VM_SYS_ID = "0b2d4f6a8c0e4a2c4e6a8c0e2b4d6f81";
    static final int REQUESTS_PER_RUN = Integer.getInteger("bench.requests", 30);

    /**
     * (e) A catalog item without approval ("Start VM"): from sending the signed RITM webhook to the
     * runbook job's creation in the (sandbox) Automation account, through two async steps (RITM to
     * Work in Progress, then the job start). Sandbox mode, so the ARM call is real HTTP without a
     * token service; both clocks are this JVM's.
     */
    private void requestToJobStart(ConfigurableApplicationContext node) throws Exception {
        String base = baseUrl(node);
        RuntimeService runtime = node.getBean(RuntimeService.class);
        List<double[]> runs = new ArrayList<>();
        for (int round = 0; round <= RUNS; round++) {
            Map<String, Long> sent = new LinkedHashMap<>();
            for (int i = 0; i < REQUESTS_PER_RUN; i++) {
                long n = next();
                String sysId = json.readTree(postJson(base + "/sandbox/servicenow/api/now/table/sc_req_item", """
                        {"short_description": "Start VM", "company": "%s", "cat_item": "%s"}""".formatted(DEMO_COMPANY, START_VM_SYS_ID),
                        Map.of(), 201)).at("/result/sys_id").asText();
                String body = """
                        {"event": {"id": "bench-ritm-%d", "type": "created", "table": "sc_req_item", "instance": "sandbox",
                                   "occurred_at": "2026-11-24 02:00:00", "changed_fields": []},
                         "record": {"sys_id": "%s", "number": "RITM9%06d", "cat_item": "%s", "cat_item_name": "Start VM",
                                    "company": "%s", "state": "1", "approval": "not requested", "sys_mod_count": "0"},
                         "variables": {"subscription_id": "%s", "resource_group": "rg-demo-prod", "vm_name": "vm-demo-web01"}}"""
                        .formatted(n, sysId, n, START_VM_SYS_ID, DEMO_COMPANY, DEMO_SUBSCRIPTION);
                long t0 = System.currentTimeMillis();
                String answer = postJson(base + "/webhooks/servicenow", body, Map.of("X-Opsflow-Delivery", "bench-ritm-" + n,
                        "X-Opsflow-Signature", "sha256=" + hmac(body)), 202);
                sent.put(json.readTree(answer).get("processInstanceId").asText(), t0);
                Thread.sleep(ALERT_GAP_MILLIS);
            }
            List<Long> latencies = new ArrayList<>();
            for (Map.Entry<String, Long> request : sent.entrySet()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Object jobName;
                while ((jobName = runtime.getVariable(request.getKey(), "jobName")) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("No runbook job for " + request.getKey() + " after 60 s");
                    }
                    Thread.sleep(20);
                }
                String job = getJson(base + "/sandbox/azure/subscriptions/" + DEMO_SUBSCRIPTION + "/resourceGroups/rg-demo-ops/providers/"
                        + "Microsoft.Automation/automationAccounts/aa-demo-ops/jobs/" + jobName + "?api-version=2024-10-23");
                long created = java.time.Instant.parse(json.readTree(job).at("/properties/creationTime").asText()).toEpochMilli();
                latencies.add(created - request.getValue());
            }
            long[] sorted = latencies.stream().mapToLong(l -> l * 1_000_000).sorted().toArray();
            if (round > 0) {
                runs.add(new double[] {percentile(sorted, 50), percentile(sorted, 95)});
            }
        }
        rows.add(row("H2", "(e) catalog RITM webhook → runbook job start, no approval (sandbox)", "",
                ms(median(runs, r -> r[0])), ms(median(runs, r -> r[1])), "", ""));
    }

    private static ConfigurableApplicationContext startSandbox(Path dir) {
        return new SpringApplicationBuilder(OpsflowApplication.class).profiles("test").run(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("opsflow"), "--server.port=0",
                "--camunda.bpm.process-engine-name=benchSandbox", "--opsflow.admin.password=" + ADMIN_PASSWORD,
                "--opsflow.webhook.servicenow.secret=" + WEBHOOK_SECRET, "--opsflow.sandbox.job-step-delay=PT1S",
                "--logging.level.io.opsflow=warn", "--spring.main.banner-mode=off");
    }

    private String postJson(String url, String body, Map<String, String> headers, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String getJson(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer bench").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String hmac(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- (a), (b), (c) ----------------------------------------------------------------------

    /**
     * The three ways in on both databases, interleaved round by round (a warm-up round, then
     * {@link #RUNS}) so that drift in machine load and table size hits them alike; the databases take
     * turns at going first. A ratio (c/b, c/a) is taken within one round of one database, where its
     * rates were measured back to back, and the table shows the median of those per-round ratios.
     * The job executors are paused meanwhile: the rates are ingest alone, not ingest plus the
     * ServiceNow jobs competing for the 2 cores.
     */
    private Map<String, Rounds> startRates(List<Node> nodes) throws Exception {
        Map<String, Rounds> rounds = new LinkedHashMap<>();
        Map<String, Ways> ways = new HashMap<>();
        for (Node node : nodes) {
            ways.put(node.db(), ways(node.context()));
            rounds.put(node.db(), new Rounds());
        }
        for (int round = 0; round <= RUNS; round++) {
            List<Node> order = new ArrayList<>(nodes);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Node node : order) {
                Ways way = ways.get(node.db());
                // Every start leaves an instance behind, so whichever way runs last meets the fullest
                // tables: the ways take turns at each position, round by round.
                Run[] measured = new Run[3];
                for (int position = 0; position < 3; position++) {
                    int w = (position + round) % 3;
                    measured[w] = concurrently(STARTS_PER_RUN, w == 0 ? way.engine() : w == 1 ? way.rest() : way.webhook());
                }
                Run refused = concurrently(STARTS_PER_RUN, way.refused());
                if (round > 0) {
                    rounds.get(node.db()).add(measured[0], measured[1], measured[2]);
                    rounds.get(node.db()).refused.add(refused);
                }
            }
        }
        rounds.forEach((db, r) -> {
            rows.add(row(db, "(a) RuntimeService start, 8 threads", rate(median(r.engine, Run::rate)), ms(median(r.engine, Run::p50)), "",
                    ms(median(r.engine, Run::p99)), "", cpu(r.engine)));
            rows.add(row(db, "(b) POST /engine-rest/…/start, 8 clients", rate(median(r.rest, Run::rate)), ms(median(r.rest, Run::p50)), "",
                    ms(median(r.rest, Run::p99)), "", cpu(r.rest)));
            rows.add(row(db, "(c) POST /webhooks/azure-monitor, 8 clients", rate(median(r.webhook, Run::rate)), ms(median(r.webhook, Run::p50)), "",
                    ms(median(r.webhook, Run::p99)), String.format("c/b %.2f, c/a %.2f (rounds: %s)", median(r.cToB, Double::doubleValue),
                            median(r.cToA, Double::doubleValue), r.cToA.stream().map(x -> String.format("%.2f", x))
                                    .collect(java.util.stream.Collectors.joining(" "))), cpu(r.webhook)));
            rows.add(row(db, "(c0) the same POST refused at the credential check (401): HTTP alone", rate(median(r.refused, Run::rate)),
                    ms(median(r.refused, Run::p50)), "", ms(median(r.refused, Run::p99)), "", cpu(r.refused)));
        });
        return rounds;
    }

    /** The three ways in to one node; pauses its job executor. */
    private Ways ways(ConfigurableApplicationContext node) throws IOException {
        RuntimeService runtime = node.getBean(RuntimeService.class);
        String base = baseUrl(node);
        // Each node's engine has its own name (Camunda's registry is JVM-wide), so the REST API is
        // addressed by name; /engine-rest/process-definition/... is the same resource for "default".
        String engineRest = base + "/engine-rest/engine/" + node.getBean(ProcessEngine.class).getName();
        String restAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String restKey = deployRestStartCopy(node);
        ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor().shutdown();
        return new Ways(
                i -> {
                    Map<String, Object> v = variables(next());
                    runtime.createProcessInstanceByKey(IncidentVariables.PROCESS_KEY)
                            .businessKey((String) v.get(IncidentVariables.ALERT_ID)).setVariables(v).execute();
                },
                i -> send(engineRest + "/process-definition/key/" + restKey + "/start", restStartBody(next()), restAuth, 200),
                i -> send(base + "/webhooks/azure-monitor/" + CUSTOMER + "?token=" + TOKEN, alertBody(next()), null, 202),
                i -> send(base + "/webhooks/azure-monitor/" + CUSTOMER + "?token=wrong", alertBody(next()), null, 401));
    }

    record Node(String db, ConfigurableApplicationContext context) {
    }

    /** {@code refused}: the webhook's HTTP cost with no work behind it, what (c) costs beyond (a) at the least. */
    record Ways(IntConsumer engine, IntConsumer rest, IntConsumer webhook, IntConsumer refused) {
    }

    /** One database's measured rounds, and the ratios each round gave. */
    static final class Rounds {
        final List<Run> engine = new ArrayList<>();
        final List<Run> rest = new ArrayList<>();
        final List<Run> webhook = new ArrayList<>();
        final List<Double> cToB = new ArrayList<>();
        final List<Double> cToA = new ArrayList<>();
        final List<Run> refused = new ArrayList<>();

        void add(Run a, Run b, Run c) {
            engine.add(a);
            rest.add(b);
            webhook.add(c);
            cToB.add(c.rate() / b.rate());
            cToA.add(c.rate() / a.rate());
        }
    }

    private Run concurrently(int count, IntConsumer work) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        double[] cpuBefore = cpuMillis();
        long begin = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i; (i = issued.getAndIncrement()) < count; ) {
                        long t0 = System.nanoTime();
                        work.accept(i);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        long wall = System.nanoTime() - begin;
        Arrays.sort(latencies);
        double[] cpuAfter = cpuMillis();
        return new Run(count / (wall / 1e9), percentile(latencies, 50), percentile(latencies, 99),
                (cpuAfter[0] - cpuBefore[0]) / count, (cpuAfter[1] - cpuBefore[1]) / count);
    }

    /** @param jvmCpu CPU milliseconds per start of this JVM (server and clients); {@code dbCpu} of the PostgreSQL processes */
    record Run(double rate, double p50, double p99, double jvmCpu, double dbCpu) {
    }

    /**
     * CPU time so far of this JVM and of every PostgreSQL process of the machine, in milliseconds: what
     * a start costs where, which the rates alone cannot tell on 2 shared cores.
     */
    private static double[] cpuMillis() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        double db = 0;
        long ticksPerSecond = 100; // USER_HZ on Linux
        File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (File process : processes == null ? new File[0] : processes) {
            try {
                String stat = Files.readString(process.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                db += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / ticksPerSecond;
            } catch (IOException | RuntimeException e) {
                // The process ended meanwhile.
            }
        }
        return new double[] {jvm, db};
    }

    // ---- (d) --------------------------------------------------------------------------------

    /**
     * Sequential alerts (one every {@value #ALERT_GAP_MILLIS} ms) to the node given; latency is from
     * the client sending the webhook to WireMock receiving the incident POST carrying its alert id.
     */
    private void alertToIncident(String db, String setup, ConfigurableApplicationContext receiver) throws Exception {
        String url = baseUrl(receiver) + "/webhooks/azure-monitor/" + CUSTOMER + "?token=" + TOKEN;
        List<double[]> runs = new ArrayList<>();
        for (int round = 0; round <= RUNS; round++) {
            Map<String, Long> sent = new LinkedHashMap<>();
            for (int i = 0; i < ALERTS_PER_RUN; i++) {
                long n = next();
                long t0 = System.nanoTime();
                send(url, alertBody(n), null, 202);
                sent.put(alertId(n), t0);
                Thread.sleep(ALERT_GAP_MILLIS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!incidentPosts.keySet().containsAll(sent.keySet())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("ServiceNow incidents missing after 60 s: "
                            + sent.keySet().stream().filter(k -> !incidentPosts.containsKey(k)).count() + " of " + sent.size());
                }
                Thread.sleep(20);
            }
            long[] latencies = sent.entrySet().stream().mapToLong(e -> incidentPosts.get(e.getKey()) - e.getValue()).sorted().toArray();
            if (round > 0) {
                runs.add(new double[] {percentile(latencies, 50), percentile(latencies, 95)});
            }
        }
        rows.add(row(db, "(d) alert → ServiceNow POST, " + setup, "", ms(median(runs, r -> r[0])), ms(median(runs, r -> r[1])), "", ""));
    }

    // ---- the application and its outside world ----------------------------------------------

    private static ConfigurableApplicationContext start(String engineName, String url, String servicenowUrl, boolean jobs) {
        return start(engineName, url, servicenowUrl, jobs, PROJECTION);
    }

    private static ConfigurableApplicationContext start(String engineName, String url, String servicenowUrl, boolean jobs,
                                                        boolean projection) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url, "--server.port=0",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.job-execution.enabled=" + jobs,
                "--opsflow.admin.password=" + ADMIN_PASSWORD,
                "--opsflow.servicenow.base-url=" + servicenowUrl,
                "--opsflow.servicenow.user=bench", "--opsflow.servicenow.password=bench",
                "--" + TOKEN_ENV + "=" + TOKEN,
                "--logging.level.io.opsflow=warn", "--spring.main.banner-mode=off",
                "--opsflow.reports.projection.enabled=" + projection));
        if (url.startsWith("jdbc:postgresql")) {
            args.addAll(List.of("--spring.datasource.username=postgres", "--spring.datasource.password="));
        }
        return new SpringApplicationBuilder(OpsflowApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    /** Production mode has no demo customer: one that owns the benchmark subscription and has a ServiceNow company. */
    private static void registerCustomer(ConfigurableApplicationContext node) {
        node.getBean(CustomerRegistry.class).save(new Customer(CUSTOMER, "Benchmark Co.", "en",
                new Customer.Azure("7b3e1f20-0000-4000-8000-00000000be00", List.of(SUBSCRIPTION), null,
                        new Customer.Credential("managed-identity", null, null), new Customer.MonitorWebhook(TOKEN_ENV, null, List.of())),
                new Customer.ServiceNow("be000000000000000000000000000001", "MSP Operations"), null, null, null, null));
    }

    private void stubServiceNow(WireMockServer wm) {
        String record = """
                {"result": {"sys_id": "%s", "number": "INC0090001", "state": "1", "impact": "3", "urgency": "3",
                 "priority": "5", "short_description": "bench", "description": "", "company": "be000000000000000000000000000001",
                 "correlation_id": "", "correlation_display": "azure-monitor", "active": "true",
                 "opened_at": "2026-11-24 01:58:20", "sys_updated_on": "2026-11-24 01:58:20", "sys_mod_count": "0"}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""));
        wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson("{\"result\":[]}")));
        wm.stubFor(post(urlPathEqualTo("/api/now/table/incident")).willReturn(jsonResponse(record, 201)));
        wm.stubFor(patch(urlPathMatching("/api/now/table/incident/.+")).willReturn(okJson(record)));
        wm.addMockServiceRequestListener((request, response) -> {
            if (request.getMethod().getName().equals("POST") && request.getUrl().startsWith("/api/now/table/incident")) {
                long at = System.nanoTime();
                try {
                    incidentPosts.putIfAbsent(json.readTree(request.getBodyAsString()).path("correlation_id").asText(), at);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    // ---- alerts: each a new incident (its own alert id, rule and target) ---------------------

    private long next() {
        return sequence.incrementAndGet();
    }

    private static String alertId(long n) {
        return "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.AlertsManagement/alerts/bench-" + n;
    }

    /** A storage account: no diagnostic runbook is mapped to it, so no Azure call is made. */
    private static String target(long n) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourcegroups/rg-bench/providers/microsoft.storage/storageaccounts/stbench" + n;
    }

    private static String alertBody(long n) {
        return """
                {"schemaId": "azureMonitorCommonAlertSchema",
                 "data": {"essentials": {"alertId": "%s", "alertRule": "bench-rule-%d", "severity": "Sev3", "signalType": "Metric",
                   "monitorCondition": "Fired", "monitoringService": "Platform", "alertTargetIDs": ["%s"],
                   "configurationItems": ["stbench%d"], "firedDateTime": "2026-11-24T01:58:12.4471130Z",
                   "description": "Availability below 99%% for 5 minutes", "essentialsVersion": "1.0", "alertContextVersion": "1.0"},
                  "alertContext": {"properties": null, "conditionType": "SingleResourceMultipleMetricCriteria",
                   "condition": {"windowSize": "PT5M", "allOf": [{"metricName": "Availability", "metricNamespace": "Microsoft.Storage/storageAccounts",
                     "operator": "LessThan", "threshold": "99", "timeAggregation": "Average", "dimensions": [], "metricValue": 97.5}],
                    "windowStartTime": "2026-11-24T01:52:00.000Z", "windowEndTime": "2026-11-24T01:57:00.000Z"}},
                  "customProperties": {}}}""".formatted(alertId(n), n, target(n), n);
    }

    /** What {@code StartVariables.of(Alert)} sets for such an alert (every decision input, nulls included). */
    private static Map<String, Object> variables(long n) {
        Map<String, Object> v = new HashMap<>();
        for (String name : List.of(IncidentVariables.IMPACT, IncidentVariables.URGENCY, IncidentVariables.SERVICENOW_SYS_ID,
                IncidentVariables.SERVICENOW_NUMBER, IncidentVariables.SERVICENOW_MOD_COUNT, IncidentVariables.NEEDS_MICROSOFT,
                IncidentVariables.CAUSE_IDENTIFIED)) {
            v.put(name, null);
        }
        v.put(IncidentVariables.CUSTOMER_ID, CUSTOMER);
        v.put(IncidentVariables.SOURCE, "azure-monitor");
        v.put(IncidentVariables.ALERT_ID, alertId(n));
        v.put(IncidentVariables.RULE_NAME, "bench-rule-" + n);
        v.put(IncidentVariables.TARGET_RESOURCE, target(n));
        v.put(IncidentVariables.TARGET_RESOURCE_TYPE, "microsoft.storage/storageaccounts");
        v.put(IncidentVariables.SEVERITY_LEVEL, 3);
        v.put(IncidentVariables.SUMMARY, "[Azure Monitor] Sev3 bench-rule-" + n + " fired on stbench" + n);
        v.put(IncidentVariables.DESCRIPTION, "Alert rule: bench-rule-" + n + "\nSeverity: Sev3\nTarget: " + target(n));
        return v;
    }

    /**
     * Row (b) is Camunda's own REST start of this process. Nobody may start incident-coordination by
     * hand (opsflow starts it), so an identical copy that administrators may start, with a start form
     * naming exactly the intake's variables, stands in for it: the start is checked as every human
     * start is (start rights, allowed variables), then runs the same model.
     */
    private String deployRestStartCopy(ConfigurableApplicationContext node) throws IOException {
        String key = IncidentVariables.PROCESS_KEY + "-rest-start";
        String xml = Files.readString(Path.of("processes/incident/incident-coordination.bpmn"))
                .replace("\"" + IncidentVariables.PROCESS_KEY + "\"", "\"" + key + "\"")
                .replace("<bpmn:process id=\"" + key + "\"", "<bpmn:process id=\"" + key + "\" camunda:candidateStarterGroups=\"camunda-admin\"")
                .replace("<bpmn:startEvent id=\"StartEvent_IncidentReported\"",
                        "<bpmn:startEvent id=\"StartEvent_IncidentReported\" camunda:formRef=\"bench-start\" camunda:formRefBinding=\"deployment\"");
        List<Map<String, Object>> fields = new ArrayList<>();
        variables(0).forEach((name, value) -> fields.add(Map.of("type", value instanceof Integer ? "number" : "textfield", "key", name)));
        var deployment = node.getBean(org.camunda.bpm.engine.RepositoryService.class).createDeployment().name("bench-rest-start")
                .addString(key + ".bpmn", xml)
                .addString("bench-start.form", json.writeValueAsString(Map.of("id", "bench-start", "type", "default", "components", fields)));
        try (var forms = Files.list(Path.of("processes/incident"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        deployment.deploy();
        return key;
    }

    private String restStartBody(long n) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables(n).forEach((name, value) -> {
            Map<String, Object> t = new HashMap<>();
            t.put("value", value);
            t.put("type", value == null ? "Null" : value instanceof Integer ? "Integer" : "String");
            typed.put(name, t);
        });
        try {
            return json.writeValueAsString(Map.of("businessKey", alertId(n), "variables", typed));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String url, String body, String authorization, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    // ---- figures ----------------------------------------------------------------------------

    private static double percentile(long[] sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String rate(double perSecond) {
        return String.format("%.0f/s", perSecond);
    }

    private static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    private static String[] row(String... cells) {
        return cells.length == 8 ? cells : java.util.stream.Stream.concat(Arrays.stream(cells), java.util.stream.Stream.of(""))
                .toArray(String[]::new);
    }

    /** Median CPU per start: the JVM's (server and load generator together) + PostgreSQL's. */
    private static String cpu(List<Run> runs) {
        return String.format("%.1f + %.1f ms", median(runs, Run::jvmCpu), median(runs, Run::dbCpu));
    }

    /** H2's rows, then PostgreSQL's, then (e); within a database (d) before (a)–(c), as measured before rounds alternated. */
    private static int tableOrder(String[] row) {
        String measurement = row[1];
        if (measurement.startsWith("(e)")) {
            return 100;
        }
        int within = measurement.startsWith("(d)") ? (measurement.contains("cross-node") ? 1 : 0) : 2 + (measurement.charAt(1) - 'a');
        return ("H2".equals(row[0]) ? 0 : ("H2" + WITHOUT).equals(row[0]) ? 10 : ("PostgreSQL" + WITHOUT).equals(row[0]) ? 30 : 20)
                + within + (measurement.startsWith("projection") ? 50 : 0);
    }

    private void report() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format("Ingest benchmark%s: process %s, medians of %d runs after a warm-up; %d starts per run for a-c, "
                + "H2 and PostgreSQL taking turns at going first and a-c at each position, ratios the median of per-round ratios; "
                + "%d alerts per run for d; %d cores%n%n", PAIR ? ", start rates with and without the reporting projection"
                : PROJECTION ? "" : " without the reporting projection",
                IncidentVariables.PROCESS_KEY, RUNS, STARTS_PER_RUN, ALERTS_PER_RUN,
                Runtime.getRuntime().availableProcessors()));
        rows.sort(java.util.Comparator.comparingInt(IngestBenchmark::tableOrder));
        table.append("| database | measurement | rate | p50 | p95 | p99 | ratio | CPU per start (JVM + PostgreSQL) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            table.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of(PAIR ? "target/benchmark/ingest-projection-pair.md"
                : PROJECTION ? "target/benchmark/ingest.md" : "target/benchmark/ingest-without-projection.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }
}
