package io.opsflow.servicenow.script;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opsflow.scripts.Es5;

/**
 * One simulated ServiceNow instance for the scripts in docs/servicenow: in-memory tables, system
 * properties, a clock the test moves, the system log, and the server objects the scripts use
 * ({@code gs}, {@code GlideRecord}, {@code GlideDateTime}, {@code GlideStringUtil},
 * {@code GlideCertificateEncryption}, {@code sn_ws.RESTMessageV2}) as documented for the global scope.
 */
public final class Glide {

    static final Path SCRIPTS = Path.of("docs/servicenow");
    static final Path GLOBALS = Path.of("src/test/resources/servicenow-scripts/glide-globals.js");
    static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final Map<String, List<Map<String, String>>> tables = new HashMap<>();
    final Map<String, String> properties = new HashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<RestMessage> sent = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Instant now = Instant.parse("2026-11-24T02:00:00Z");
    private long created;

    public Glide(String endpoint, String secret) {
        properties.put("instance_name", "contosomsp");
        properties.put("opsflow.integration.user", "svc_opsflow");
        properties.put("opsflow.webhook.url", endpoint);
        properties.put("opsflow.webhook.secret", secret);
    }

    /** Runs the after business rule of {@code table} for one change, as the platform does after saving it. */
    public void afterRule(String table, ChangedRecord current) {
        Map<String, Object> globals = new HashMap<>();
        globals.put("current", current);
        globals.put("previous", current.previous);
        run(globals, SCRIPTS.resolve("opsflow_webhook_" + table + ".br.js"));
    }

    /** Runs the scheduled job once. */
    public void senderJob() {
        run(new HashMap<>(), SCRIPTS.resolve("opsflow_outbox_sender.job.js"));
    }

    /** Evaluates a script after the script includes, as the platform makes them available. */
    public Object run(Map<String, Object> globals, Path script) {
        Map<String, Object> all = new HashMap<>(globals);
        all.put("glide", this);
        all.put("gs", new GlideSystem());
        all.put("GlideStringUtil", new GlideStringUtil());
        return Es5.run(all, GLOBALS, SCRIPTS.resolve("OpsflowWebhook.js"), SCRIPTS.resolve("OpsflowOutboxSender.js"), script);
    }

    public void advance(long seconds) {
        now = now.plusSeconds(seconds);
    }

    Instant now() {
        return now;
    }

    String nowText() {
        return GLIDE_TIME.format(now);
    }

    /** The rows of a table, as stored (copies). */
    public List<Map<String, String>> rows(String table) {
        return tables.getOrDefault(table, List.of()).stream().map(r -> (Map<String, String>) new LinkedHashMap<>(r)).toList();
    }

    List<Map<String, String>> table(String name) {
        return tables.computeIfAbsent(name, n -> new ArrayList<>());
    }

    long nextCreated() {
        return ++created;
    }

    public GlideRecord newRecord(String table) {
        return new GlideRecord(this, table);
    }

    public GlideDateTime newDateTime() {
        return new GlideDateTime(now.truncatedTo(ChronoUnit.SECONDS));
    }

    public GlideCertificateEncryption newCertificateEncryption() {
        return new GlideCertificateEncryption();
    }

    public RestMessage newRestMessage() {
        RestMessage message = new RestMessage(http);
        sent.add(message);
        return message;
    }

    /** {@code gs}: properties, GUIDs and the system log. */
    public final class GlideSystem {

        public String getProperty(String name) {
            return properties.get(name);
        }

        public String getProperty(String name, String fallback) {
            return properties.getOrDefault(name, fallback);
        }

        public String generateGUID() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        public void info(String message) {
            log.add("info: " + message);
        }

        public void warn(String message) {
            log.add("warn: " + message);
        }

        public void error(String message) {
            log.add("error: " + message);
        }
    }
}
